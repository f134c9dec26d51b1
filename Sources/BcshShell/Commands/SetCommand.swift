import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `set [NAME [VALUE]]`: sets a variable, or lists them.
struct SetCommand: SynchronousCommand {
  static let name = OptionalArgument<String>("NAME", .variableName)
  static let value = OptionalArgument<String>("VALUE")
  static let spec = CommandSpec(
    ["set"], "set a variable; with no NAME, list the variables", arguments: [name.spec, value.spec],
    example: "set STORE abc123")

  let name: Given<String>?
  let value: Given<String>?

  init(from invocation: Invocation) throws(BcshError) {
    name = try invocation.read(Self.name)
    value = try invocation.read(Self.value)
  }

  func run(in context: inout CommandContext) throws(BcshError) {
    guard let name else {
      let names = context.state.variables.keys.sorted()
      // The sandbox's demo secrets are secrets too (shown masked, as `sandbox show` does), and a
      // value shaped like a credential is masked though the session may not hold it (yet).
      let sandboxSecrets = context.sandbox?.secrets ?? []
      let variables = context.state.variables
      let shown = { (name: String) -> String in
        let value = variables[name]!
        return sandboxSecrets.contains(value) || ShownWord.looksLikeSecret(value)
          ? Secret.mask(value) : value
      }
      context.report(
        // Masked before quoting: quoting changes a secret's bytes.
        names.map { "\($0)=\(Word.typed(ShownWord.escaped(context.masked(shown($0)))))\n" }
          .joined(),
        json: .object(names.map { ($0, .string(shown($0))) }))
      return
    }
    guard VariableName.isValid(name.value) else {
      throw BcshError(
        "\(ShownWord.quoted(name.value)) is not a variable name", code: .invalidValue,
        hint: "names are letters, digits and _, not starting with a digit",
        at: name.position)
    }
    guard let value else {
      throw BcshError(
        "set \(name.value) needs a VALUE", code: .usage, hint: "set \(name.value) VALUE", at: name.position)
    }
    context.state.variables[name.value] = value.value
  }
}
