import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// The command table keeps its promises: each command's example is a valid use of that command.
@Suite struct CommandSpecTests {
  @Test(arguments: CommandTable.all.map(\.example))
  func theExampleParsesAsItsOwnCommand(example: String) throws {
    var lexer = Lexer(example, source: "example")
    let commands = try lexer.commands()
    #expect(commands.count == 1, "\(example)")
    let command = try #require(commands.first)
    // Examples use no variables, so every word is literal.
    let words = command.words.map { ExpandedWord($0.literal ?? "", at: $0.position) }
    let (spec, consumed) = try CommandTable.match(words, at: command.position)
    #expect(example.hasPrefix(spec.name), "\(example) is an example of '\(spec.name)'")
    _ = try Invocation(spec: spec, position: command.position, words: Array(words.dropFirst(consumed)))
  }

  /// Each command's type reads its own example: the values its declarations give are what its
  /// `init(from:)` reads, typed.
  @Test(arguments: CommandTable.commands.map { ($0.spec.example, $0) as (String, any ShellCommand.Type) })
  func theExampleReadsAsItsCommandsType(example: String, command: any ShellCommand.Type) throws {
    var lexer = Lexer(example, source: "example")
    let line = try #require(try lexer.commands().first)
    let words = line.words.map { ExpandedWord($0.literal ?? "", at: $0.position) }
    let spec = command.spec
    let invocation = try Invocation(
      spec: spec, position: line.position, words: Array(words.dropFirst(spec.words.count)))
    _ = try command.init(from: invocation)
  }

  /// Reading what a command does not declare fails loudly, not as a value never given.
  @Test func aReadOfAnUndeclaredNameIsAnInternalError() throws {
    let position = SourcePosition(source: "t", line: 1, column: 1)
    let invocation = try Invocation(spec: TokenListCommand.spec, position: position, words: [])
    #expect(throws: BcshError.self) { try invocation.read(TokenNewCommand.account) }
    #expect(throws: BcshError.self) { try invocation.read(TokenShowCommand.name) }
  }
}
