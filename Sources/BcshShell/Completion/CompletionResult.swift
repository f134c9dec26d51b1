import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// What completing at a cursor produced: the range of the line (in UTF-8 bytes, as libedit counts)
/// that a chosen insertion replaces, and the candidates.
public struct CompletionResult: Sendable, Equatable {
  /// Byte offset in the line's UTF-8 where the word being completed starts.
  public var replaceStart: Int
  /// Byte offset where it ends (the cursor).
  public var replaceEnd: Int
  public var candidates: [CompletionCandidate]

  public init(replaceStart: Int, replaceEnd: Int, candidates: [CompletionCandidate]) {
    self.replaceStart = replaceStart
    self.replaceEnd = replaceEnd
    self.candidates = candidates
  }

  /// The longest text every candidate's insertion starts with.
  public var commonPrefix: String {
    guard var prefix = candidates.first?.insertion else { return "" }
    for candidate in candidates.dropFirst() {
      while !candidate.insertion.hasPrefix(prefix) { prefix.removeLast() }
    }
    return prefix
  }
}
