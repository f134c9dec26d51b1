import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `help [COMMAND ...]`: the command list, or one command's syntax and an example.
struct HelpCommand: SynchronousCommand {
  static let command = RepeatedArgument<String>("COMMAND", .command, atLeastOne: false)
  static let spec = CommandSpec(
    ["help"], "list commands, or show one command's syntax and an example", arguments: [command.spec],
    example: "help scope add")

  let words: [Given<String>]

  init(from invocation: Invocation) throws(BcshError) { words = try invocation.read(Self.command) }

  func run(in context: inout CommandContext) throws(BcshError) {
    context.write(
      try HelpRendering.text(for: words.map(\.word), style: context.format.style, width: context.format.width)
    )
  }
}
