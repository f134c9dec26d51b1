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
