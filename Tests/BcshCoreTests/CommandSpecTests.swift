import Testing

@testable import BcshCore

/// The command table keeps its promises: each command's example is a valid use of that command.
@Suite struct CommandSpecTests {
  @Test(arguments: CommandTable.all.map(\.example))
  func theExampleParsesAsItsOwnCommand(example: String) throws {
    var lexer = Lexer(example, source: "example")
    let commands = try lexer.commands()
    #expect(commands.count == 1, "\(example)")
    let command = try #require(commands.first)
    // Examples use no variables, so every word is literal.
    let words = command.words.map { Argument($0.literal ?? "", at: $0.position) }
    let (spec, consumed) = try CommandTable.match(words, at: command.position)
    #expect(example.hasPrefix(spec.name), "\(example) is an example of '\(spec.name)'")
    _ = try Invocation(spec: spec, position: command.position, words: Array(words.dropFirst(consumed)))
  }
}
