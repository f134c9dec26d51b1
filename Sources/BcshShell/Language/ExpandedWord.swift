import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// A word after variable expansion, with the place it came from.
public struct ExpandedWord: Sendable, Equatable {
  public var value: String
  public var position: SourcePosition
  /// Whether the value was written out, not taken from a variable.
  public var isLiteral: Bool

  public init(_ value: String, at position: SourcePosition, isLiteral: Bool = true) {
    self.value = value
    self.position = position
    self.isLiteral = isLiteral
  }
}
