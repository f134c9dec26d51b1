import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify

/// The generated parts of README.md: the option tables and the command table.
enum ReadmeBlocks {
  /// One table of `bcsh`'s options, and one for each command below it that has options.
  static func options(_ root: OuterCommand) -> [String] {
    var lines = table(root)
    for command in root.all.dropFirst() where command.options.contains(where: { !$0.isHelpOrVersion }) {
      lines += ["", "`\(command.name)`:", ""] + table(command)
    }
    return lines
  }

  private static func table(_ command: OuterCommand) -> [String] {
    var lines = ["| option | what it does |", "|---|---|"]
    for option in command.options {
      var usage = option.names.joined(separator: ", ")
      var text = option.abstract
      if let value = option.value {
        usage += " " + value.name
        if case .choices(let choices, isClosed: true) = value.completion {
          text += " One of " + choices.map { "`\($0.value)`" }.joined(separator: ", ") + "."
        }
        if let defaultValue = value.defaultValue { text += " Default: `\(defaultValue)`." }
      }
      lines.append("| \(code(usage)) | \(cell(text)) |")
    }
    return lines
  }

  /// Every command of the shell, in `help`'s order.
  static func commands(_ table: [CommandSpec]) -> [String] {
    var lines = ["| command | what it does |", "|---|---|"]
    for spec in table {
      lines.append("| \(code(spec.synopsis)) | \(cell(spec.summary)) |")
    }
    return lines
  }

  private static func code(_ text: String) -> String { cell("`" + text + "`") }

  /// A table cell: a `|` would end it.
  private static func cell(_ text: String) -> String { text.replacing("|", with: "\\|") }
}
