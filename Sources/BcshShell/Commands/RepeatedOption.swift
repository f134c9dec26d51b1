import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `--name VALUE`, given any number of times: `--channel 1 --channel 2`.
struct RepeatedOption<Value: ShellArgument>: Sendable {
  let spec: OptionSpec

  init(_ name: String, value: String, _ kind: ArgumentKind, _ summary: String, required: Bool = false) {
    spec = OptionSpec(
      name, value: (value, kind), summary, closedSet: Value.closedSet, repeatable: true, required: required)
  }

  init(_ name: String, value: String, _ summary: String, required: Bool = false) {
    self.init(name, value: value, Value.kind, summary, required: required)
  }
}
