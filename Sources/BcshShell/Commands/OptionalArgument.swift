import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `[NAME]`: a positional argument that may be left out.
struct OptionalArgument<Value: ShellArgument>: Sendable {
  let spec: ArgumentSpec

  init(_ name: String, _ kind: ArgumentKind = Value.kind) {
    spec = ArgumentSpec(name, kind, .optional, closedSet: Value.closedSet)
  }
}
