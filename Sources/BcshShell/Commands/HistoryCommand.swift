import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `history [N]`: the last lines of the interactive history.
struct HistoryCommand: SynchronousCommand {
  static let count = OptionalArgument<LineCount>("N")
  static let spec = CommandSpec(
    ["history"], "show the last N lines of the history (all by default)", arguments: [count.spec],
    example: "history 20")

  /// How many lines to show.
  struct LineCount: ShellArgument {
    let lines: Int

    static var kind: ArgumentKind { .number }

    init(argument: String) throws(BcshError) {
      guard let n = Int(argument), n >= 0 else {
        throw BcshError("\(ShownWord.quoted(argument)) is not a number of lines", code: .invalidValue)
      }
      lines = n
    }
  }

  /// The word N, read as a `LineCount` once there is a history to show: outside an interactive
  /// session, that there is none is what `history` says first.
  let count: ExpandedWord?

  init(from invocation: Invocation) throws(BcshError) {
    count = try invocation.word(Self.count)
  }

  func run(in context: inout CommandContext) throws(BcshError) {
    guard let history = context.history else {
      throw BcshError("there is no history outside an interactive session", code: .terminal)
    }
    let all = history()
    var entries = all
    if let count {
      entries = Array(entries.suffix(try Given<LineCount>(reading: count).value.lines))
    }
    let first = all.count - entries.count + 1
    let text = entries.enumerated().map { "\(String(first + $0.offset).leftPadded(to: 5))  \($0.element)" }
    context.report(
      text.map { $0 + "\n" }.joined(), json: .array(entries.map(JSONValue.string)))
  }
}
