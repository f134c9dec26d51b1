import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

@Suite struct LexerTests {
  private func words(_ text: String, variables: [String: String] = [:]) throws -> [[String]] {
    var lexer = Lexer(text, source: "t.bcsh")
    let expander = Expander { variables[$0] }
    return try lexer.commands().map { try expander.expand($0.words).map(\.value) }
  }

  private func error(_ text: String, variables: [String: String] = [:]) -> BcshError? {
    do {
      _ = try words(text, variables: variables)
      return nil
    } catch let error as BcshError {
      return error
    } catch {
      return nil
    }
  }

  @Test func splitsOnBlanksAndSeparators() throws {
    #expect(try words("token new  abcd\tx") == [["token", "new", "abcd", "x"]])
    #expect(try words("a; b c ;d\n\ne") == [["a"], ["b", "c"], ["d"], ["e"]])
    #expect(try words("") == [])
    #expect(try words("  ;; \n") == [])
  }

  @Test func singleQuotesAreLiteral() throws {
    #expect(try words(#"echo 'a $X \n "b"; #c'"#) == [["echo", #"a $X \n "b"; #c"#]])
    #expect(try words("echo ''") == [["echo", ""]])
  }

  @Test func doubleQuotesExpandAndKnowThreeEscapes() throws {
    #expect(
      try words(#"echo "a \"b\" \\ \$X $X \n""#, variables: ["X": "1"]) == [["echo", #"a "b" \ $X 1 \n"#]])
    #expect(
      try words(#"scope add "Information & Settings""#) == [["scope", "add", "Information & Settings"]])
  }

  @Test func backslashEscapesOutsideQuotes() throws {
    #expect(try words(##"echo a\ b \; \# \$X"##) == [["echo", "a b", ";", "#", "$X"]])
  }

  @Test func commentsStartAtWordStart() throws {
    #expect(try words("echo a # comment ; not a command") == [["echo", "a"]])
    #expect(try words("# whole line\necho a#b") == [["echo", "a#b"]])
    #expect(try words("#!/usr/bin/env bcsh\necho x") == [["echo", "x"]])
  }

  @Test func continuationJoinsLines() throws {
    #expect(try words("scope add \\\n  products \\\n  orders") == [["scope", "add", "products", "orders"]])
    #expect(try words("echo ab\\\ncd") == [["echo", "abcd"]])
  }

  @Test func crlfScriptsReadLikeUnixOnes() throws {
    #expect(try words("echo a\r\necho 'b'\r\n") == [["echo", "a"], ["echo", "b"]])
  }

  @Test func variablesInEveryForm() throws {
    let vars = ["STORE": "abc123", "EMPTY": ""]
    #expect(
      try words("echo $STORE ${STORE} x${STORE}y", variables: vars) == [
        ["echo", "abc123", "abc123", "xabc123y"]
      ])
    #expect(
      try words("echo ${MISSING:-d1} ${EMPTY:-d2} ${STORE:-d3}", variables: vars) == [
        ["echo", "d1", "d2", "abc123"]
      ])
    #expect(try words("echo ${MISSING:-$STORE-x}", variables: vars) == [["echo", "abc123-x"]])
    #expect(try words("echo ${STORE:?needed}", variables: vars) == [["echo", "abc123"]])
    #expect(try words("echo $ 5$ $5", variables: vars) == [["echo", "$", "5$", "$5"]])
  }

  @Test func unsetVariableIsAnErrorWithItsPlace() {
    let error = error("echo ok\nscope add $SCOPE")
    #expect(error?.code == .unknownName)
    #expect(error?.position == SourcePosition(source: "t.bcsh", line: 2, column: 11))
    #expect(error?.hint?.contains("${SCOPE:-default}") == true)
  }

  @Test func requiredVariableMessage() {
    let error = error("path set ${STORE_HASH:?pass STORE_HASH=... on the command line}")
    #expect(error?.code == .unknownName)
    // The script's own words are the message.
    #expect(error?.message == "STORE_HASH: pass STORE_HASH=... on the command line")
    #expect(error?.position?.column == 10)
  }

  @Test func unterminatedQuotesNameTheirOpening() {
    let single = error("echo ok\necho 'abc")
    #expect(single?.code == .syntax)
    #expect(single?.position == SourcePosition(source: "t.bcsh", line: 2, column: 6))
    let double = error(#"echo "abc"#)
    #expect(double?.code == .syntax)
    // The message names the quote that opened.
    #expect(double?.message == "unterminated \" quote")
    #expect(double?.position?.column == 6)
    #expect(error("echo 'a\nb'")?.code == .syntax)
  }

  @Test func badBraces() {
    #expect(error("echo ${")?.code == .syntax)
    #expect(error("echo ${1}")?.code == .syntax)
    let open = error("echo ${NAME")
    #expect(open?.code == .syntax)
    #expect(open?.position?.column == 6)
    #expect(error("echo ${A:-x")?.code == .syntax)
  }

  @Test func trailingBackslash() {
    #expect(error("echo \\")?.code == .syntax)
  }

  @Test func columnsCountCharactersNotBytes() {
    let error = error("echo 'héllo wörld' $NOPE")
    #expect(error?.position?.column == 20)
  }

  @Test func tolerantModeReadsAnOpenQuoteToTheEnd() throws {
    var lexer = Lexer(#"scope add "Information &"#, source: "line", tolerant: true)
    let words = try lexer.commands().flatMap(\.words)
    #expect(words.count == 3)
    #expect(words[2].literal == "Information &")
    #expect(words[2].range == 10..<24)
  }

  @Test func columnsCountWhatAReaderSeesAsOneCharacter() {
    // A decomposed é (e + U+0301), a family emoji (ZWJ sequence), a flag, CJK: one column each.
    #expect(error("echo e\u{301} 'open")?.position?.column == 8)
    #expect(error("echo 👨‍👩‍👧 🇫🇷 漢字 'open")?.position?.column == 13)
    #expect(
      error("echo x\r\necho é\r\necho 'open")?.position
        == SourcePosition(source: "t.bcsh", line: 3, column: 6))
  }

  @Test func nonASCIITextPassesThroughWhole() throws {
    #expect(
      try words("echo 'ünï' \"çödé $X\" e\u{301}\\ 👍", variables: ["X": "漢"]) == [
        ["echo", "ünï", "çödé 漢", "e\u{301} 👍"]
      ])
  }

  @Test func commandsComeOneAtATime() throws {
    var lexer = Lexer("echo a; echo b\n# c\necho 'd'\n", source: "t.bcsh")
    #expect(try lexer.nextCommand()?.words.map(\.literal) == ["echo", "a"])
    #expect(try lexer.nextCommand()?.position == SourcePosition(source: "t.bcsh", line: 1, column: 9))
    #expect(try lexer.nextCommand()?.position.line == 3)
    #expect(try lexer.nextCommand() == nil)
  }

  @Test func nestingUpToTheLimitExpands() throws {
    let depth = Lexer.maximumNesting
    let text = "echo " + String(repeating: "${A:-", count: depth) + "x" + String(repeating: "}", count: depth)
    #expect(try words(text) == [["echo", "x"]])
  }

  /// Issue 10, row 1: 20000 levels crashed the lexer (stack overflow).
  @Test(arguments: ["${A:-", "${A:?"])
  func deepNestingIsASyntaxErrorWithItsPlace(opening: String) {
    let text = "echo " + String(repeating: opening, count: 20000) + "x" + String(repeating: "}", count: 20000)
    let error = error(text)
    #expect(error?.code == .syntax)
    // The first reference one level too deep: after "echo " and 64 openings of 5 characters.
    #expect(
      error?.position == SourcePosition(source: "t.bcsh", line: 1, column: 6 + 5 * Lexer.maximumNesting))
    #expect(error?.status == .commandFailed)
    var tolerant = Lexer(text, source: "line", tolerant: true)
    #expect(throws: BcshError.self) { try tolerant.commands() }
  }
}
