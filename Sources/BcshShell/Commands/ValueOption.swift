import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `--name VALUE`: an option with a value.
struct ValueOption<Value: ShellArgument>: Sendable {
  let spec: OptionSpec

  init(_ name: String, value: String, _ kind: ArgumentKind, _ summary: String, required: Bool = false) {
    spec = OptionSpec(name, value: (value, kind), summary, closedSet: Value.closedSet, required: required)
  }

  /// An option whose value completes as its type does (`Value.kind`).
  init(_ name: String, value: String, _ summary: String, required: Bool = false) {
    self.init(name, value: value, Value.kind, summary, required: required)
  }
}
