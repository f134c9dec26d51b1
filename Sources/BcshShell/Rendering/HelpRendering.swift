import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `help`, read from the command table.
enum HelpRendering {
  static func text(for words: [ExpandedWord], style: TextStyle, width: Int? = nil) throws(BcshError) -> String
  {
    guard let first = words.first else { return overview(style: style, width: width) }
    let names = words.map(\.value)
    if let spec = CommandTable.spec(named: names) { return detail(spec, style: style, width: width) }
    let group = CommandTable.subcommands(of: first.value)
    if names.count == 1, !group.isEmpty {
      var text = "\(style.header(first.value)) subcommands:\n"
      text += Table(headers: ["", ""], rows: group.map { ["  " + $0.synopsis, $0.summary] }).rendered(
        width: width
      )
      .split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
      return text + "'help \(first.value) SUBCOMMAND' shows one in full.\n"
    }
    let all = CommandTable.topLevelWords + CommandTable.all.map(\.name).filter { $0.contains(" ") }
    throw BcshError(
      "no help for \(ShownWord.quoted(names.joined(separator: " ")))", code: .unknownName,
      hint: Spelling.suggestion(for: names.joined(separator: " "), among: all).map {
        "did you mean 'help \($0)'?"
      }
        ?? "'help' lists commands", at: first.position)
  }

  static func overview(style: TextStyle, width: Int? = nil) -> String {
    var text = "bcsh prepares, saves and verifies BigCommerce API credentials.\n\nCommands:\n"
    let rows = CommandTable.all.map { ["  " + $0.name, $0.summary] }
    text += Table(headers: ["", ""], rows: rows).rendered(width: width).split(separator: "\n").dropFirst()
      .map { String($0).replacingTrailingBlanks() + "\n" }.joined()
    let closing =
      "'help COMMAND' shows its syntax and an example. Tab completes commands, scopes, names and files."
    text +=
      "\n" + (width.map { TextWrapping.lines(closing, width: $0).joined(separator: "\n") } ?? closing) + "\n"
    return text
  }

  static func detail(_ spec: CommandSpec, style: TextStyle, width: Int? = nil) -> String {
    let wrap = { (text: String, indent: String) -> String in
      guard let width else { return text }
      return TextWrapping.lines(text, width: width - indent.count).joined(separator: "\n" + indent)
    }
    var text = "usage: " + wrap(spec.synopsis, "       ") + "\n\n" + wrap(spec.summary + ".", "") + "\n"
    if !spec.options.isEmpty {
      text += "\noptions:\n"
      let rows = spec.options.map { option in
        ["  " + option.name + (option.value.map { " \($0.name)" } ?? ""), option.summary]
      }
      text += Table(headers: ["", ""], rows: rows).rendered(width: width).split(separator: "\n").dropFirst()
        .map { $0 + "\n" }.joined()
    }
    let values = spec.closedSetValues
    if !values.isEmpty {
      text += "\nvalues:\n"
      text += values.map { "  \($0.name) is one of: \($0.values.joined(separator: ", "))\n" }.joined()
    }
    text += "\nexample:\n  \(spec.example)\n"
    return text
  }
}
