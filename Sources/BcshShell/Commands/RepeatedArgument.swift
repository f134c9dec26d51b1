import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `NAME ...` (at least one) or `[NAME ...]`: every remaining positional word.
struct RepeatedArgument<Value: ShellArgument>: Sendable {
  let spec: ArgumentSpec

  init(_ name: String, _ kind: ArgumentKind = Value.kind, atLeastOne: Bool) {
    spec = ArgumentSpec(name, kind, atLeastOne ? .oneOrMore : .zeroOrMore, closedSet: Value.closedSet)
  }
}
