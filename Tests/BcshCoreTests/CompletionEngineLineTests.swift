import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
import Testing

/// Where in a line Tab is pressed: mid-line, after `;`, in quotes, in comments, after UTF-8 text,
/// inside `$NAME`; and that no line, however broken, makes the engine fail.
@Suite struct CompletionEngineLineTests {
  @Test func onlyTextBeforeTheCursorCounts() async {
    let harness = await CompletionHarness("token new abcd")
    let result = harness.complete("scope add prod| --x")
    #expect(result.candidates.map(\.insertion) == ["products"])
    #expect(result.replaceStart == 10 && result.replaceEnd == 14)
    #expect(harness.tab("scope add prod| --x") == "scope add products  --x")
  }

  @Test func cursorInsideAWordReplacesOnlyUpToTheCursor() async {
    let harness = await CompletionHarness()
    let result = harness.complete("token ne|w migration")
    #expect(result.candidates.map(\.insertion) == ["new"])
    #expect(result.replaceStart == 6 && result.replaceEnd == 8)
  }

  @Test func aSemicolonStartsANewCommand() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("token list; sc") == ["scope"])
    #expect(harness.insertions("token list;") == CommandTable.topLevelWords)
    #expect(harness.insertions("token list ;scope a") == ["add"])
    #expect(harness.insertions("echo \"a;b\" sc").isEmpty)
    #expect(harness.insertions("scope add products; scope add pro") == ["products"])
  }

  @Test func aContinuedLineIsOneCommand() async {
    let harness = await CompletionHarness()
    let result = harness.complete("scope add \\\npro")
    #expect(result.candidates.map(\.insertion) == ["products"])
    #expect(result.replaceStart == 12)
  }

  @Test func nothingInAComment() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("echo # sc").isEmpty)
    #expect(harness.insertions("# sc").isEmpty)
  }

  @Test func utf8BeforeTheCursorCountsInBytes() async {
    let harness = await CompletionHarness("token new abcd")
    let line = "echo \"café ☕\"; scope add pro"
    let result = harness.complete(line)
    #expect(result.candidates.map(\.insertion) == ["products"])
    #expect(result.replaceStart == line.utf8.count - 3)
    #expect(result.replaceEnd == line.utf8.count)
    #expect(harness.tab(line) == "echo \"café ☕\"; scope add products ")
  }

  @Test func utf8TokenNamesComplete() async {
    let harness = await CompletionHarness("token new café-token; token new 東京ストア")
    #expect(harness.tab("token use caf") == "token use café-token ")
    #expect(harness.tab("token use 東") == "token use 東京ストア ")
    let result = harness.complete("token use 東京|ストア")
    #expect(result.replaceStart == 10 && result.replaceEnd == 16)
  }

  @Test func aCursorInsideACharacterGivesNothing() async {
    let harness = await CompletionHarness()
    let line = "echo é"
    let result = harness.engine.complete(line: line, cursor: line.utf8.count - 1)
    #expect(result.candidates.isEmpty)
    #expect(result.replaceEnd == line.utf8.count - 1)
  }

  @Test func aCursorOutsideTheLineIsClamped() async {
    let harness = await CompletionHarness()
    #expect(harness.engine.complete(line: "to", cursor: 99).candidates.map(\.insertion) == ["token"])
    #expect(harness.engine.complete(line: "to", cursor: -5).replaceEnd == 0)
  }

  @Test func variableNamesAfterADollar() async {
    let harness = await CompletionHarness(
      "set STORE abc; set STAGE x", environment: ["STRIPE": "y", "HOME": "/"])
    #expect(harness.insertions("echo $ST") == ["$STAGE", "$STORE", "$STRIPE"])
    #expect(harness.tab("echo $STO") == "echo $STORE ")
    #expect(harness.insertions("echo $") == ["$STAGE", "$STORE", "$HOME", "$STRIPE"])
    #expect(harness.complete("echo $H").candidates.first?.detail == "environment variable")
  }

  @Test func bracedVariablesAreClosed() async {
    let harness = await CompletionHarness("set STORE abc")
    #expect(harness.tab("echo ${STO") == "echo ${STORE} ")
    #expect(harness.insertions("echo ${") == ["${STORE}"])
  }

  @Test func variablesAnywhereInAWord() async {
    let harness = await CompletionHarness("set STORE abc")
    #expect(harness.insertions("path set https://store-$STO") == ["https://store-$STORE"])
    #expect(harness.insertions("$ST") == ["$STORE"])
    #expect(harness.insertions("scope add a$ST") == ["a$STORE"])
  }

  @Test func variablesInsideQuotes() async {
    let harness = await CompletionHarness("set STORE abc")
    let double = harness.complete("echo \"store: $STO")
    #expect(double.candidates.map(\.insertion) == ["\"store: $STORE"])
    #expect(double.candidates.first?.appendsSpace == false)
    // Single quotes are literal: no variables there.
    #expect(harness.insertions("echo '$STO").isEmpty)
    #expect(harness.insertions("echo \\$STO").isEmpty)
  }

  @Test func closedQuotesAreKeptAsWritten() async {
    let harness = await CompletionHarness("token new abcd")
    #expect(harness.insertions("\"scope\" a") == ["add"])
    #expect(harness.insertions("scope \"ad\"") == ["\"add\""])
    #expect(harness.insertions("scope a'd'") == ["a'd'd"])
  }

  @Test func openQuotesOnCommandsAndOptions() async {
    let harness = await CompletionHarness()
    #expect(harness.tab("\"tok") == "\"token\" ")
    #expect(harness.tab("save --format 'ses") == "save --format 'session' ")
  }

  @Test func unknownWordsStopCompletion() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("$NOPE ").isEmpty)
    #expect(harness.insertions("token $NOPE ").isEmpty)
  }

  @Test func randomBytesNeverBreakTheEngine() async {
    let harness = await CompletionHarness(
      "token new abcd; scope add products; set STORE abc", directory: "/", environment: ["HOME": "/"])
    var generator = SplitMix(seed: 0x5eed)
    for _ in 0..<3000 {
      let length = Int(generator.next() % 24)
      let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
      check(harness, String(decoding: bytes, as: UTF8.self), cursor: Int(generator.next() % 30) - 2)
    }
  }

  @Test func randomLinesOfSyntaxNeverBreakTheEngine() async {
    let harness = await CompletionHarness(
      "token new abcd; scope add products; set STORE abc", directory: "/", environment: ["HOME": "/"])
    let pieces = [
      "scope", "add", "token", "set", "save", " ", " ", ";", "#", "\"", "'", "\\", "$", "${", "}", ":-", ":?",
      "=", "--", "--format", "products", "~/", "/", "é", "☕", "\n", "\r\n", "\t", "$STORE", "help", "-",
    ]
    var generator = SplitMix(seed: 42)
    for _ in 0..<3000 {
      let count = Int(generator.next() % 10)
      let line = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
      for cursor in 0...line.utf8.count { check(harness, line, cursor: cursor) }
    }
  }

  private func check(_ harness: CompletionHarness, _ line: String, cursor: Int) {
    let result = harness.engine.complete(line: line, cursor: cursor)
    let end = min(max(cursor, 0), line.utf8.count)
    #expect(result.replaceEnd == end, "\(line.debugDescription) at \(cursor)")
    #expect(result.replaceStart >= 0 && result.replaceStart <= end, "\(line.debugDescription) at \(cursor)")
    // A word starts at the line's start or after a blank, a `;` or a line end. (With nothing to
    // offer, as in a comment, the range may be empty at the cursor.)
    guard result.replaceStart < end || !result.candidates.isEmpty else { return }
    let before = result.replaceStart > 0 ? Array(line.utf8)[result.replaceStart - 1] : nil
    #expect(before.map { " \t\n\r;".utf8.contains($0) } ?? true, "\(line.debugDescription) at \(cursor)")
  }

  /// Issue 10, row 1: Tab on a line of 20000 nested `${A:-` crashed the engine.
  @Test func deeplyNestedVariablesOfferNothingAndDoNotCrash() async {
    let harness = await CompletionHarness("token new abcd")
    for opening in ["${A:-", "${A:?"] {
      let nested = String(repeating: opening, count: 20000)
      #expect(harness.insertions("echo " + nested + "x" + String(repeating: "}", count: 20000)).isEmpty)
      #expect(harness.insertions("echo " + nested + "$HO").isEmpty)
      #expect(harness.insertions("scope add " + nested).isEmpty)
    }
    #expect(harness.shell.isSensitive(line: "echo " + String(repeating: "${A:-", count: 20000)))
  }
}

/// A small seeded generator, so that a fuzz failure can be replayed.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
