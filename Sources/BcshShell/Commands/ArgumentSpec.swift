import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// A positional argument of a command.
public struct ArgumentSpec: Sendable {
  public enum Arity: Sendable { case required, optional, oneOrMore, zeroOrMore }

  public let name: String
  public let kind: ArgumentKind
  public let arity: Arity
  /// The values it takes, when they are a closed set (`FIELD`).
  public let closedSet: ClosedSet?

  public init(_ name: String, _ kind: ArgumentKind, _ arity: Arity = .required, closedSet: ClosedSet? = nil) {
    self.name = name
    self.kind = kind
    self.arity = arity
    self.closedSet = closedSet
  }

  var usage: String {
    switch arity {
    case .required: name
    case .optional: "[\(name)]"
    case .oneOrMore: "\(name) ..."
    case .zeroOrMore: "[\(name) ...]"
    }
  }
}
