import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `echo [WORDS ...]`: prints its words, variables expanded.
struct EchoCommand: SynchronousCommand {
  static let words = RepeatedArgument<String>("WORDS", atLeastOne: false)
  static let spec = CommandSpec(
    ["echo"], "print words (variables expanded)", arguments: [words.spec],
    example: "echo \"store: ${STORE:-unset}\"")

  let words: [Given<String>]

  init(from invocation: Invocation) throws(BcshError) { words = try invocation.read(Self.words) }

  func run(in context: inout CommandContext) throws(BcshError) {
    context.write(words.map(\.value).joined(separator: " ") + "\n")
  }
}
