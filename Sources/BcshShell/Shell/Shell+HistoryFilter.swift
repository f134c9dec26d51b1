import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

extension Shell {
  /// Whether a line carries a secret: a command on it carries one typed inline, or it holds the
  /// value of a secret the session knows. The shell's part of the history rule; the rule itself
  /// (blank lines and a leading space stay out too) is BcshTerminal's `HistoryPolicy`.
  public func isSensitive(line: String) -> Bool {
    if secrets.occurs(in: line) { return true }
    var lexer = Lexer(line, source: "history", tolerant: true)
    guard let commands = try? lexer.commands() else { return true }
    for command in commands {
      let words = command.words.map(\.literal)
      if Shell.holdsSecretShapedWord(words) { return true }
      let names = command.words.map { ExpandedWord($0.literal ?? "", at: $0.position) }
      guard let (spec, consumed) = try? CommandTable.match(names, at: command.position) else {
        if Shell.mayCarrySecret(unmatched: words) { return true }
        continue
      }
      if spec.carriesSecret(in: words.dropFirst(consumed)) { return true }
    }
    return false
  }
}
