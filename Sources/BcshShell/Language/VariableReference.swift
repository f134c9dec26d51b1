import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `$NAME`, `${NAME}`, `${NAME:-default}` or `${NAME:?message}`.
public struct VariableReference: Sendable, Equatable {
  public enum Fallback: Sendable, Equatable {
    /// `:-`: use this text when the variable is unset or empty.
    case value([Segment])
    /// `:?`: fail with this message when the variable is unset or empty.
    case error([Segment])
  }

  public var name: String
  public var fallback: Fallback?
  public var position: SourcePosition
}
