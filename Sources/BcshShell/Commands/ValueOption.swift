import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `--name VALUE`: an option with a value.
struct ValueOption<Value: ShellArgument>: Sendable {
  let spec: OptionSpec

  init(_ name: String, value: String, _ kind: ArgumentKind, _ summary: String) {
    spec = OptionSpec(name, value: (value, kind), summary, closedSet: Value.closedSet)
  }

  /// An option whose value completes as its type does (`Value.kind`).
  init(_ name: String, value: String, _ summary: String) {
    self.init(name, value: value, Value.kind, summary)
  }
}

/// `--name VALUE`, given any number of times: `--channel 1 --channel 2`.
struct RepeatedOption<Value: ShellArgument>: Sendable {
  let spec: OptionSpec

  init(_ name: String, value: String, _ kind: ArgumentKind, _ summary: String) {
    spec = OptionSpec(name, value: (value, kind), summary, closedSet: Value.closedSet, repeatable: true)
  }

  init(_ name: String, value: String, _ summary: String) {
    self.init(name, value: value, Value.kind, summary)
  }
}
