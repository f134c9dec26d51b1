import Foundation
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// Issue 22 item 6: text bcsh did not write (file names, session files, API answers) never reaches
/// the terminal with its control characters.
@Suite struct OutsideTextTests {
  static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\nresult: ok\u{202E}"

  func hasControl(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}"
    }
  }

  @Test func aFileNameWithEscapesIsShownEscaped() async {
    let t = TestShell(environment: ["F": Self.hostile])
    await t.run("open \"$F.json\"")
    await t.run("source \"$F.bcsh\"")
    #expect(t.output.error.contains(#"\e]0;pwned\x07\e[2J"#), "\(t.output.error)")
    #expect(!hasControl(t.output.error), "\(t.output.error.debugDescription)")
  }

  /// A session file is anyone's: its last verify result must be what bcsh writes.
  @Test func aSessionFileWithAForgedVerifyResultIsRefused() async throws {
    let t = TestShell()
    #expect(await t.run("token new abcd; path set abc123; save s.json") == .success)
    let saved = try #require(t.read("s.json"))
    func withVerify(_ date: String, _ summary: String) -> String {
      let record = try! JSONSerialization.data(withJSONObject: [
        "date": date, "passed": true, "summary": summary,
      ])
      return saved.replacingOccurrences(
        of: "\"name\" : \"abcd\"",
        with: "\"last_verify\" : \(String(decoding: record, as: UTF8.self)), \"name\" : \"abcd\"")
    }
    t.write("good.json", withVerify("2026-09-21T10:00:00Z", "all 8 scopes granted"))
    #expect(await t.run("open --discard good.json") == .success, "\(t.output.error)")
    #expect(t.state.session.token(named: "abcd")?.lastVerification?.passed == true)
    for (date, summary) in [
      ("2026-09-21T10:00:00Z", Self.hostile), ("\u{1B}[2J", "ok"), ("yesterday", "ok"),
      ("2026-09-21T10:00:00Z", String(repeating: "x", count: 501)),
    ] {
      t.write("forged.json", withVerify(date, summary))
      #expect(await t.run("open --discard forged.json") == .commandFailed, "\(date) \(summary)")
    }
    #expect(t.output.error.contains("last_verify.summary is not one line of printable text"))
    #expect(t.output.error.contains("last_verify.date is not a date bcsh writes"))
    #expect(!hasControl(t.output.error))
  }

  @Test func aTokenNameWithAOneByteCSIIsRefused() async throws {
    let t = TestShell()
    #expect(await t.run("token new abcd; save s.json") == .success)
    t.write("c1.json", try #require(t.read("s.json")).replacingOccurrences(of: "abcd", with: "ab\u{9B}2Jcd"))
    #expect(await t.run("open --discard c1.json") == .commandFailed)
    t.write(
      "bidi.json", try #require(t.read("s.json")).replacingOccurrences(of: "abcd", with: "ab\u{202E}dc"))
    #expect(await t.run("open --discard bidi.json") == .commandFailed)
    #expect(await t.run("token new 'ab\u{202E}cd'") == .commandFailed)
    #expect(!hasControl(t.output.error), "\(t.output.error.debugDescription)")
  }
}
