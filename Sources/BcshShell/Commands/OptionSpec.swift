import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// An option such as `--account` (a flag) or `--format FORMAT` (with a value).
public struct OptionSpec: Sendable {
  public let name: String
  public let value: (name: String, kind: ArgumentKind)?
  public let summary: String
  /// The values its value takes, when they are a closed set (`--format FORMAT`).
  public let closedSet: ClosedSet?

  public init(
    _ name: String, value: (name: String, kind: ArgumentKind)? = nil, _ summary: String,
    closedSet: ClosedSet? = nil
  ) {
    self.name = name
    self.value = value
    self.summary = summary
    self.closedSet = closedSet
  }

  var usage: String { value.map { "[\(name) \($0.name)]" } ?? "[\(name)]" }
}
