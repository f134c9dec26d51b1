import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// The values an argument takes and what one is called in errors ("unknown format 'yaml'").
public struct ClosedSet: Sendable {
  public let noun: String
  public let values: [String]

  /// Refuses a word outside the set, with "did you mean" or the whole set.
  func check(_ word: String) throws(BcshError) {
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
