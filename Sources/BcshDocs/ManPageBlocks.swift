import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify

/// The generated parts of `man/bcsh.1`: the synopsis of each subcommand, OPTIONS, COMMANDS.
enum ManPageBlocks {
  /// `.SY "bcsh sandbox serve"` with its options, for every command below `bcsh` that has options.
  static func synopses(_ root: OuterCommand) -> [String] {
    var lines: [String] = []
    for command in root.all.dropFirst() where command.options.contains(where: { !$0.isHelpOrVersion }) {
      lines.append(".SY \"\(command.name)\"")
      for option in command.options where !option.isHelpOrVersion {
        if let value = option.value {
          lines += [
            ".RB [ \(Roff.escaped(option.preferredName))", ".IR \(Roff.escaped(value.name.lowercased())) ]",
          ]
        } else {
          lines.append(".RB [ \(Roff.escaped(option.preferredName)) ]")
        }
      }
      lines.append(".YS")
    }
    return lines
  }

  /// Every option of `bcsh`, then one subsection per command below it that has options.
  static func options(_ root: OuterCommand) -> [String] {
    var lines = root.options.flatMap(option)
    for command in root.all.dropFirst() where command.options.contains(where: { !$0.isHelpOrVersion }) {
      lines.append(".SS \"Options of \(command.name)\"")
      lines += command.options.flatMap(option)
    }
    return lines
  }

  private static func option(_ option: OuterOption) -> [String] {
    var header = option.names.map(Roff.bold).joined(separator: ", ")
    if let value = option.value { header += " " + Roff.italic(value.name.lowercased()) }
    var lines = [".TP", header, Roff.escaped(option.abstract)]
    guard let value = option.value else { return lines }
    if let defaultValue = value.defaultValue {
      lines.append("The default is " + Roff.bold(defaultValue) + ".")
    }
    if case .choices(let choices, isClosed: true) = value.completion {
      if choices.allSatisfy({ $0.summary == nil }) {
        lines.append("One of " + choices.map { Roff.bold($0.value) }.joined(separator: ", ") + ".")
      } else {
        lines.append(".RS")
        for choice in choices {
          lines += [".TP", Roff.bold(choice.value), Roff.escaped(sentence(choice.summary ?? ""))]
        }
        lines.append(".RE")
      }
    }
    return lines
  }

  /// Every command of the shell, in `help`'s order: its synopsis, what it does, its options.
  static func commands(_ table: [CommandSpec]) -> [String] {
    var lines: [String] = []
    for spec in table {
      lines += [".TP", Roff.synopsis(spec.synopsis), Roff.escaped(sentence(spec.summary))]
      for (name, values) in spec.closedSetValues {
        lines.append(
          Roff.italic(name.lowercased()) + " is one of " + values.map(Roff.bold).joined(separator: ", ") + "."
        )
      }
      guard !spec.options.isEmpty else { continue }
      lines.append(".RS")
      for option in spec.options {
        let name =
          Roff.bold(option.name) + (option.value.map { " " + Roff.italic($0.name.lowercased()) } ?? "")
        lines += [".TP", name, Roff.escaped(sentence(option.summary))]
      }
      lines.append(".RE")
    }
    return lines
  }

  /// `text` with a capital and a full stop.
  static func sentence(_ text: String) -> String {
    guard let first = text.first else { return text }
    let capital = first.uppercased() + text.dropFirst()
    return capital.hasSuffix(".") ? capital : capital + "."
  }
}
