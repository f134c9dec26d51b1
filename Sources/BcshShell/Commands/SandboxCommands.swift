import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `sandbox show`: what the sandbox of `bcsh --sandbox` serves, in full.
enum SandboxCommands {
  static let all: [any ShellCommand.Type] = [SandboxShowCommand.self]
}

/// `sandbox show [--reveal]`.
struct SandboxShowCommand: SynchronousCommand {
  static let reveal = Flag("--reveal", "show the demo access tokens and client secrets in full")
  static let spec = CommandSpec(
    ["sandbox", "show"], "the sandbox's demo store and tokens with their credentials and scopes",
    options: [reveal.spec], example: "sandbox show --reveal")

  let reveal: Bool

  init(from invocation: Invocation) throws(BcshError) { reveal = try invocation.read(Self.reveal) }

  func run(in context: inout CommandContext) throws(BcshError) {
    guard let listing = context.sandbox else {
      throw BcshError(
        "no sandbox runs in this session", code: .notReady,
        hint: "'bcsh --sandbox' starts bcsh with one; 'bcsh sandbox serve' prints what it serves")
    }
    let mask = { (value: String) -> String in reveal ? value : Secret.mask(value) }
    let width = context.format.width ?? 110
    let text = listing.text(width, mask)
    let json = listing.json(mask)
    context.report(text, json: json, revealingSecrets: reveal)
  }
}
