import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// `Invocation` (strict) and `PartialInvocation` (tolerant) read options with one `OptionReader`:
/// they agree on every word, and only the strict one refuses.
@Suite struct OptionReaderTests {
  let save = CommandTable.spec(named: ["save"])!

  func words(_ line: String) -> [ExpandedWord] {
    line.split(separator: " ").enumerated().map { index, word in
      ExpandedWord(String(word), at: SourcePosition(source: "t", line: 1, column: index + 1))
    }
  }

  func invocation(_ line: String) throws(BcshError) -> Invocation {
    try Invocation(spec: save, position: SourcePosition(source: "t", line: 1, column: 1), words: words(line))
  }

  func refusal(_ line: String) -> BcshError? {
    do throws(BcshError) {
      _ = try invocation(line)
      return nil
    } catch {
      return error
    }
  }

  @Test func optionsStandAnywhereInBothSpellings() throws {
    let read = try invocation("--force s.json --format=txt")
    #expect(read.flag("--force") && read.argument("FILE")?.value == "s.json")
    #expect(read.option("--format")?.value == "txt")
    #expect(try invocation("--format env e.env").option("--format")?.value == "env")
    // After `--`, a word that looks like an option is a positional.
    #expect(try invocation("-- --force").argument("FILE")?.value == "--force")
  }

  @Test func theStrictReadingRefusesWhatTheTolerantOneSkips() {
    let cases: [(String, String, Int, BcshError.Code)] = [
      ("s.json --forse", "unknown option '--forse' for 'save'", 2, .unknownName),
      ("--force s.json --force", "option '--force' given twice", 3, .usage),
      ("s.json --format", "option '--format' needs a value (FORMAT)", 2, .usage),
      ("--force=yes s.json", "option '--force' takes no value", 1, .usage),
    ]
    for (line, message, column, code) in cases {
      let error = refusal(line)
      #expect(error?.code == code, "\(line)")
      #expect(error?.message == message, "\(line)")
      #expect(error?.position?.column == column, "\(line)")
      let (partial, pending) = PartialInvocation.read(words(line).map { Optional($0.value) }[...], of: save)
      #expect(partial.positionals == ["s.json"], "\(line)")
      #expect(pending?.name == (line.hasSuffix("--format") ? "--format" : nil), "\(line)")
    }
    #expect(refusal("s.json --forse")?.hint == "did you mean '--force'?")
  }

  /// Over every command's example, the two readings find the same positionals in the same order.
  @Test(arguments: CommandTable.all)
  func bothReadingsAgreeOnTheExample(spec: CommandSpec) throws {
    var lexer = Lexer(spec.example, source: "example")
    let command = try #require(try lexer.commands().first)
    let arguments = command.words.map { ExpandedWord($0.literal ?? "", at: $0.position) }
    let words = Array(arguments.dropFirst(spec.words.count))
    let strict = try Invocation(spec: spec, position: command.position, words: words)
    let (partial, pending) = PartialInvocation.read(words.map { Optional($0.value) }[...], of: spec)
    #expect(pending == nil)
    #expect(partial.positionals == spec.arguments.flatMap { strict.arguments($0.name).map(\.value) })
    #expect(partial.usedOptions == Set(spec.options.map(\.name).filter { strict.flag($0) }))
  }
}
