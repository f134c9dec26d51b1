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
  /// Whether it may be given more than once (`--channel 1 --channel 2`).
  public let repeatable: Bool
  /// Whether the command needs it (`token mint --from API_TOKEN`): a line without it is refused.
  public let required: Bool

  public init(
    _ name: String, value: (name: String, kind: ArgumentKind)? = nil, _ summary: String,
    closedSet: ClosedSet? = nil, repeatable: Bool = false, required: Bool = false
  ) {
    self.name = name
    self.repeatable = repeatable
    self.required = required
    self.value = value
    self.summary = summary
    self.closedSet = closedSet
  }

  var usage: String {
    let one = value.map { "\(name) \($0.name)" } ?? name
    switch (required, repeatable) {
    case (true, true): return "\(one) ..."
    case (true, false): return one
    case (false, true): return "[\(one) ...]"
    case (false, false): return "[\(one)]"
    }
  }
}
