import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// One thing Tab can insert.
public struct CompletionCandidate: Sendable, Equatable {
  /// The full replacement for the word under the cursor (already quoted or escaped as needed).
  public var insertion: String
  /// What the list shows (the bare value, without quoting).
  public var display: String
  /// A short description shown beside it in a list ("Products · read-only, modify"), if any.
  public var detail: String?
  /// Whether a space follows when this is the only candidate (false for folders, `SCOPE=` and
  /// open quotes).
  public var appendsSpace: Bool

  public init(insertion: String, display: String, detail: String? = nil, appendsSpace: Bool = true) {
    self.insertion = insertion
    self.display = display
    self.detail = detail
    self.appendsSpace = appendsSpace
  }
}

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

/// The capability to complete a line at a cursor. The core's engine implements it; the line
/// editor only calls it.
public protocol LineCompleting {
  /// `cursor` is a byte offset into `line`'s UTF-8.
  func complete(line: String, cursor: Int) -> CompletionResult
}
