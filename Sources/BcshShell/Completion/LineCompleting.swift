import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// The capability to complete a line at a cursor. The core's engine implements it; the line
/// editor only calls it.
public protocol LineCompleting {
  /// `cursor` is a byte offset into `line`'s UTF-8.
  func complete(line: String, cursor: Int) -> CompletionResult
}
