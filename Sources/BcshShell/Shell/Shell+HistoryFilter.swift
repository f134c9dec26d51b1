import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

extension Shell {
  /// Whether a line must stay out of the history: it starts with a space, or a command on it
  /// carries a secret typed inline, or it holds the value of a secret the session knows.
  public func isSensitive(line: String) -> Bool {
    if line.first == " " || line.first == "\t" { return true }
    if secrets.occurs(in: line) { return true }
    var lexer = Lexer(line, source: "history", tolerant: true)
    guard let commands = try? lexer.commands() else { return true }
    for command in commands {
      let words = command.words.map(\.literal)
      if Shell.holdsSecretShapedWord(words) { return true }
      let names = command.words.map { Argument($0.literal ?? "", at: $0.position) }
      guard let (spec, consumed) = try? CommandTable.match(names, at: command.position) else {
        if Shell.mayCarrySecret(unmatched: words) { return true }
        continue
      }
      if spec.carriesSecret(in: words.dropFirst(consumed)) { return true }
    }
    return false
  }
}
