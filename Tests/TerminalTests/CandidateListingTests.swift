import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
import Testing

@testable import BcshTerminal

@Suite struct CandidateListingTests {
  private func words(_ names: [String]) -> [CompletionCandidate] {
    names.map { CompletionCandidate(insertion: $0, display: $0) }
  }

  @Test func fillsColumnsDownThenAcross() {
    let lines = CandidateListing.lines(
      for: words(["a", "bb", "ccc", "dd", "e"]), width: 12, displayWidth: { $0.count })
    // Cells are 5 wide (longest 3 + 2); two columns of 12 fit, three rows.
    #expect(lines == ["a    dd", "bb   e", "ccc"])
  }

  @Test func oneColumnWhenNothingElseFits() {
    let lines = CandidateListing.lines(
      for: words(["products", "orders"]), width: 5, displayWidth: { $0.count })
    #expect(lines == ["products", "orders"])
  }

  @Test func detailsOnePerLineAligned() {
    let candidates = [
      CompletionCandidate(insertion: "products", display: "products", detail: "Products · read-only, modify"),
      CompletionCandidate(insertion: "orders", display: "orders", detail: "Orders"),
    ]
    let lines = CandidateListing.lines(for: candidates, width: 80, displayWidth: { $0.count })
    #expect(lines == ["products  Products · read-only, modify", "orders    Orders"])
  }

  @Test func longDetailsAreCutToTheWidth() {
    let candidates = [
      CompletionCandidate(insertion: "x", display: "x", detail: String(repeating: "d", count: 50))
    ]
    let lines = CandidateListing.lines(for: candidates, width: 20, displayWidth: { $0.count })
    #expect(lines == ["x  " + String(repeating: "d", count: 16) + "…"])
  }

  @Test func wideCharactersCountTwoColumns() {
    #expect(TextWidth.of("abc") == 3)
    #expect(TextWidth.of("日本") == 4)
    #expect(TextWidth.of("e\u{301}") == 1)
    #expect(TextWidth.of("\u{1B}[1m日本\u{1B}[0m") == 4)
    let lines = CandidateListing.lines(
      for: [
        CompletionCandidate(insertion: "日本", display: "日本"),
        CompletionCandidate(insertion: "ab", display: "ab"),
      ],
      width: 80)
    #expect(lines == ["日本  ab"])
    #expect(CandidateListing.lines(for: [], width: 80).isEmpty)
  }
}

@Suite struct HistoryPolicyTests {
  private let policy = HistoryPolicy { $0.contains("secret") }

  @Test func keepsOrdinaryLines() {
    #expect(policy.entry(for: "scope add products") == "scope add products")
  }

  @Test func dropsBlankSpacePrefixedAndSensitiveLines() {
    #expect(policy.entry(for: "") == nil)
    #expect(policy.entry(for: "   ") == nil)
    #expect(policy.entry(for: " echo hidden") == nil)
    #expect(policy.entry(for: "\techo hidden") == nil)
    #expect(policy.entry(for: "token set access-token secret") == nil)
  }

  @Test func continuationNeedsAnUnescapedBackslash() {
    #expect(LineContinuation.continues("scope add products \\"))
    #expect(!LineContinuation.continues("echo a\\\\"))
    #expect(LineContinuation.continues("echo a\\\\\\"))
    #expect(!LineContinuation.continues("echo"))
  }
}

@Suite struct EditRangeTests {
  private func range(_ line: String, _ start: Int, _ end: Int, cursor: Int) -> EditRange? {
    let bytes = Array(line.utf8)
    return bytes.withUnsafeBufferPointer {
      EditRange(
        CompletionResult(replaceStart: start, replaceEnd: end, candidates: []), cursor: cursor, in: $0)
    }
  }

  @Test func countsCharactersNotBytes() {
    // "écho" is 5 bytes, 4 characters.
    let found = range("x écho", 2, 7, cursor: 7)
    #expect(found?.characterCount == 4)
    #expect(found?.cursorMove == 0)
  }

  @Test func rejectsOffsetsOutsideTheLineOrInsideACharacter() {
    #expect(range("tok", 0, 4, cursor: 3) == nil)
    #expect(range("tok", 2, 1, cursor: 3) == nil)
    #expect(range("é", 1, 2, cursor: 2) == nil)
  }

  @Test func movesTheCursorToTheWordsEnd() {
    #expect(range("token list", 6, 10, cursor: 8)?.cursorMove == 2)
  }

  /// A file name holding an escape sequence is listed with `?` for each control character, never
  /// written raw to the terminal.
  @Test func controlCharactersAreShownAsQuestionMarks() {
    let candidates = [
      CompletionCandidate(insertion: "a", display: "evil\u{1B}]0;owned\u{07}.json"),
      CompletionCandidate(insertion: "b", display: "plain.json", detail: "x\u{9B}31m"),
    ]
    let lines = CandidateListing.lines(for: candidates, width: 80, displayWidth: { $0.count })
    #expect(
      lines.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } }
    )
    #expect(lines[0].hasPrefix("evil?]0;owned?.json"))
    #expect(lines[1].hasSuffix("x?31m"))
  }
}
