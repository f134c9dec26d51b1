import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// Every command bcsh knows, each a type that declares itself once. Groups (`token`, `scope`,
/// `path`) have subcommands.
public enum CommandTable {
  /// The commands, in the order `help` lists them.
  static let commands: [any ShellCommand.Type] =
    TokenCommands.all + ScopeCommands.all + PathCommands.all
    + [
      SaveCommand.self, ExportCommand.self, OpenCommand.self, VerifyCommand.self, ExecCommand.self,
      DoctorCommand.self,
    ]
    + SandboxCommands.all
    + [
      StatusCommand.self, HistoryCommand.self, EchoCommand.self, SetCommand.self, UnsetCommand.self,
      SourceCommand.self, HelpCommand.self, ExitCommand.self,
    ]

  /// Each command's declaration, with the handler that reads and runs its type.
  public static let all: [CommandSpec] = commands.map { $0.tableEntry }

  /// The first words of every command, in the order `help` lists them.
  public static let topLevelWords: [String] = {
    var seen: [String] = []
    for spec in all where !seen.contains(spec.words[0]) { seen.append(spec.words[0]) }
    return seen
  }()

  /// The subcommands of a group, or [] when `word` is a plain command.
  public static func subcommands(of word: String) -> [CommandSpec] { groups[word] ?? [] }

  /// Every command by its words joined with a space: a replayed script matches each line by
  /// one lookup, not by a scan of the table.
  private static let byWords = [String: CommandSpec](
    all.map { ($0.words.joined(separator: " "), $0) }, uniquingKeysWith: { first, _ in first })

  private static let groups = [String: [CommandSpec]](
    grouping: all.filter { $0.words.count > 1 }, by: { $0.words[0] })

  /// Each group's subcommands by their second word: a line names one without its words joined.
  private static let bySubword = groups.mapValues { specs in
    [String: CommandSpec](specs.map { ($0.words[1], $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The command that `words` start with and how many words name it.
  public static func match(_ arguments: [ExpandedWord], at position: SourcePosition) throws(BcshError) -> (
    CommandSpec, Int
  ) {
    // The first two words only, not copied into an array for each line matched.
    guard let first = arguments.first?.value else {
      throw BcshError("empty command", code: .usage, at: position)
    }
    let second = arguments.count > 1 ? arguments[1].value : nil
    guard let subcommands = bySubword[first] else {
      if let spec = byWords[first], spec.words.count == 1 { return (spec, 1) }
      let guess = Spelling.suggestion(for: first, among: topLevelWords)
      throw BcshError(
        "unknown command \(ShownWord.quoted(first))", code: .unknownName,
        hint: guess.map { "did you mean '\($0)'? ('help' lists commands)" } ?? "'help' lists commands",
        at: position)
    }
    if let second, let spec = subcommands[second], spec.words.count == 2 { return (spec, 2) }
    let names = (groups[first] ?? []).map { $0.words[1] }
    guard let second else {
      throw BcshError(
        "'\(first)' needs a subcommand", code: .usage, hint: "one of: \(names.joined(separator: ", "))",
        at: position)
    }
    let guess = Spelling.suggestion(for: second, among: names)
    throw BcshError(
      "unknown subcommand \(ShownWord.quoted(first + " " + second))", code: .unknownName,
      hint: guess.map { "did you mean '\(first) \($0)'?" } ?? "one of: \(names.joined(separator: ", "))",
      at: arguments[1].position)
  }

  /// Every word of `help`'s command list: the groups and the plain commands.
  public static func spec(named words: [String]) -> CommandSpec? { all.first { $0.words == words } }
}
