import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `NAME`: a positional argument that is always there.
struct RequiredArgument<Value: ShellArgument>: Sendable {
  let spec: ArgumentSpec

  init(_ name: String, _ kind: ArgumentKind = Value.kind) {
    spec = ArgumentSpec(name, kind, .required, closedSet: Value.closedSet)
  }
}
