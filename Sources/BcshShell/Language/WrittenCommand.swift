import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// One command as written: its words and where it starts.
public struct WrittenCommand: Sendable, Equatable {
  public var words: [Word]
  public var position: SourcePosition
}
