import Foundation
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// Issue 21, item 15: a save compares what the file holds, not only its timestamp.
@Suite struct UnchangedContentSaveTests {
  @Test func aSaveGoesOnWhenOnlyTheTimestampChanged() async throws {
    let t = TestShell()
    #expect(await t.run("token new abcd; save s.json") == .success)
    let later = Date(timeIntervalSinceNow: 3600)
    try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: t.path("s.json"))
    #expect(await t.run("scope add products; save") == .success, "\(t.output.error)")
    #expect(t.read("s.json")?.contains("products") == true)
  }

  /// The same bytes written anew (a new inode, as a sync tool or `cp` makes) are the same file.
  @Test func aSaveGoesOnOverACopyOfTheSameBytes() async throws {
    let t = TestShell()
    #expect(await t.run("token new abcd; save s.json") == .success)
    let bytes = try #require(FileManager.default.contents(atPath: t.path("s.json")))
    try bytes.write(to: URL(fileURLWithPath: t.path("s.json")), options: .atomic)
    #expect(await t.run("scope add products; save") == .success, "\(t.output.error)")
  }

  @Test func aSaveIsStillRefusedWhenTheContentChanged() async throws {
    let t = TestShell()
    #expect(await t.run("token new abcd; save s.json") == .success)
    let text = try #require(t.read("s.json"))
    // Same size, other bytes: only the content tells them apart.
    t.write("s.json", text.replacing("abcd", with: "wxyz"))
    #expect(await t.run("scope add products; save") == .commandFailed)
    #expect(t.output.errorCodes.last == .changedOnDisk)
  }
}
