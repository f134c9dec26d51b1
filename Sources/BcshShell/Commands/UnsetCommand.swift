import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `unset NAME`: removes a variable.
struct UnsetCommand: SynchronousCommand {
  static let name = RequiredArgument<String>("NAME", .variableName)
  static let spec = CommandSpec(
    ["unset"], "remove a variable", arguments: [name.spec], example: "unset STORE")

  let name: Given<String>

  init(from invocation: Invocation) throws(BcshError) { name = try invocation.read(Self.name) }

  func run(in context: inout CommandContext) throws(BcshError) {
    guard context.state.variables.removeValue(forKey: name.value) != nil else {
      throw BcshError(
        "variable \(ShownWord.quoted(name.value)) is not set", code: .unknownName, at: name.position)
    }
  }
}
