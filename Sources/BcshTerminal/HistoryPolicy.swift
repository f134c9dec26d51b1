/// Which typed lines the history keeps (README, "Secrets and files"): never a blank line, a line that starts
/// with a space, or a line that carries a secret; `isSensitive` (the shell's judgement) decides the
/// last. The one place of this rule.
public struct HistoryPolicy {
  private let isSensitive: (String) -> Bool

  public init(isSensitive: @escaping (String) -> Bool) {
    self.isSensitive = isSensitive
  }

  /// The entry to record for a line as typed, or nil when it must stay out.
  public func entry(for line: String) -> String? {
    guard line.contains(where: { !$0.isWhitespace }) else { return nil }
    if line.first == " " || line.first == "\t" { return nil }
    return isSensitive(line) ? nil : line
  }
}
