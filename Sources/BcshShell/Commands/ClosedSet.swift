import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// The values an argument takes and what one is called in errors ("unknown format 'yaml'").
///
/// The values are listed when asked for (a check, `help`, completion), not when the command table
/// is built at start-up: `bcsh -c exit` spent 3% of its time sorting the presets' scopes for
/// `scope preset`'s set (BENCHMARKS.md).
public struct ClosedSet: Sendable {
  public let noun: String
  private let listValues: @Sendable () -> [String]

  public var values: [String] { listValues() }

  public init(noun: String, values: @escaping @autoclosure @Sendable () -> [String]) {
    self.noun = noun
    self.listValues = values
  }

  /// Refuses a word outside the set, with "did you mean" or the whole set.
  func check(_ word: String) throws(BcshError) {
    let values = self.values
    guard !values.contains(word) else { return }
    throw BcshError(
      "unknown \(noun) \(ShownWord.quoted(word))", code: .unknownName,
      hint: Spelling.suggestion(for: word, among: values).map { "did you mean '\($0)'?" }
        ?? "one of: \(values.joined(separator: ", "))")
  }

  /// Refuses a word outside the set where the word stands.
  func check(_ word: ExpandedWord) throws(BcshError) {
    try BcshError.placing(at: word.position) { () throws(BcshError) in try check(word.value) }
  }
}
