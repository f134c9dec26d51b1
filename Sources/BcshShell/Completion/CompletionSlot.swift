import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// What the word under the cursor is in its command, read from the command table: a command
/// word, a subcommand, an option, an option's value or a positional argument.
enum CompletionSlot {
  case command
  case subcommand(group: String)
  case option(PartialInvocation)
  /// `lead` is `--format=` when the value is written in the option's word.
  case optionValue(OptionSpec, lead: String)
  /// nil when the command takes no further argument.
  case argument(ArgumentSpec?, PartialInvocation)
  /// An unknown command, or a word whose value is not known.
  case unknown

  /// Matches the words before the cursor against the command table, as `Invocation` will.
  init(earlierWords: [String?], typed: String) {
    guard let first = earlierWords.first else {
      self = .command
      return
    }
    guard let first else {
      self = .unknown
      return
    }
    let group = CommandTable.subcommands(of: first)
    let spec: CommandSpec?
    if group.isEmpty {
      spec = CommandTable.spec(named: [first])
    } else if earlierWords.count == 1 {
      self = .subcommand(group: first)
      return
    } else {
      spec = earlierWords[1].flatMap { second in group.first { $0.words[1] == second } }
    }
    guard let spec else {
      self = .unknown
      return
    }
    let (invocation, pending) = PartialInvocation.read(earlierWords.dropFirst(spec.words.count), of: spec)
    if let pending {
      self = .optionValue(pending, lead: "")
    } else if !invocation.optionsEnded, typed.hasPrefix("-") {
      if let equals = typed.firstIndex(of: "="), let option = spec.option(named: String(typed[..<equals])),
        option.value != nil
      {
        self = .optionValue(option, lead: String(typed[...equals]))
      } else {
        self = .option(invocation)
      }
    } else {
      self = .argument(invocation.nextArgument, invocation)
    }
  }
}
