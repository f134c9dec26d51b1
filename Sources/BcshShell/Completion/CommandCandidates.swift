import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// Command words, subcommands and options, all read from `CommandTable`.
enum CommandCandidates {
  /// The first words of commands, in `help`'s order. A group's detail lists its subcommands.
  static func commands(matching typed: String) -> [Suggestion] {
    CommandTable.topLevelWords.map { word in
      let group = CommandTable.subcommands(of: word)
      let detail =
        group.isEmpty
        ? CommandTable.spec(named: [word])?.summary
        : "subcommands: " + group.map { $0.words[1] }.joined(separator: ", ")
      return Suggestion(word, detail: detail)
    }.matching(typed)
  }

  /// The subcommands of a group (`token` → `new`, `list`, ...), with their summaries.
  static func subcommands(of group: String, matching typed: String) -> [Suggestion] {
    CommandTable.subcommands(of: group).map { Suggestion($0.words[1], detail: $0.summary) }.matching(typed)
  }

  /// The options not given yet, with their summaries.
  static func options(of invocation: PartialInvocation, matching typed: String) -> [Suggestion] {
    invocation.remainingOptions.map { option in
      Suggestion(option.name, detail: option.value.map { "\($0.name): \(option.summary)" } ?? option.summary)
    }.matching(typed)
  }

  /// `help`'s arguments: a command word, then one of its subcommands.
  static func helpTopics(after earlier: [String?], matching typed: String) -> [Suggestion] {
    switch earlier.count {
    case 0: commands(matching: typed)
    case 1: earlier[0].map { subcommands(of: $0, matching: typed) } ?? []
    default: []
    }
  }
}
