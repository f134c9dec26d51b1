import Foundation
@preconcurrency import Glibc
import Testing

/// The persistent history, through the real bcsh in a pseudo-terminal.
@Suite(.serialized) struct HistoryTests {
  private static let secret = "abcdef0123456789abcdef0123456789"

  @Test func keepsOrdinaryLinesAcrossSessionsButNeverSecretsOrSpacedLines() throws {
    let home = try SealedHome()
    let first = try home.start()
    first.send("token new demo-store\r")
    try first.expectPrompt("bcsh(demo-store)*> ")
    // `one""two` prints onetwo: the output shows that the command ran, not just that it was typed.
    first.send("echo one\"\"two\r")
    try first.expect("\nonetwo\r\n")
    try first.expectPrompt()
    first.send("token set access-token \(Self.secret)\r")
    try first.expect("warning:")
    try first.expectPrompt()
    first.send(" echo spaced-line\r")
    try first.expect("\nspaced-line\r\n")
    try first.expectPrompt()
    #expect(try first.leaveWithCtrlD(unsavedChanges: true) == 0)

    let saved = try String(contentsOfFile: home.historyFile, encoding: .utf8)
    #expect(saved.contains("demo-store"))
    #expect(!saved.contains(Self.secret))
    #expect(!saved.contains("spaced-line"))
    #expect(permissions(home.historyFile) == 0o600)
    #expect(permissions((home.historyFile as NSString).deletingLastPathComponent) == 0o700)

    let second = try home.start()
    second.send("\u{1b}[A")
    try second.expect("one\"\"two")
    second.send("\r")
    try second.expect("\nonetwo\r\n")
    try second.expectPrompt()
    second.send("history\r")
    try second.expect("history\r\n")
    let listed = try second.expectPrompt()
    #expect(listed.contains("token new demo-store"))
    #expect(listed.contains("echo one\"\"two"))
    #expect(!listed.contains(Self.secret))
    #expect(!listed.contains("spaced-line"))
    #expect(try second.leaveWithCtrlD() == 0)
  }

  /// `--dry-run` writes no file, the history included (issue 22 item 11): the lines are kept in
  /// memory for this session only.
  @Test func aDryRunWritesNoHistoryFile() throws {
    let home = try SealedHome()
    let terminal = try home.start(["--dry-run"])
    terminal.send("token new demo-store\r")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    terminal.send("history\r")
    #expect(try terminal.expectPrompt("bcsh(demo-store)*> ").contains("token new demo-store"))
    #expect(try terminal.leaveWithCtrlD(unsavedChanges: true) == 0)
    #expect(!FileManager.default.fileExists(atPath: home.historyFile))
    #expect(!FileManager.default.fileExists(atPath: home.root + "/state/deep"))
  }

  @Test func aSecretTypedBeforeTheSessionKnewItIsDroppedAtSave() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("set T \(Self.secret)\r")
    try terminal.expectPrompt()
    terminal.send("token new demo-store; token set access-token $T\r")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    // Up twice: the `set T ...` line is gone from memory too.
    terminal.send("\u{1b}[A\u{1b}[A")
    terminal.drain(for: 0.3)
    terminal.send("\u{15}echo shown\r")
    let screen = try terminal.expectPrompt("bcsh(demo-store)*> ")
    #expect(!screen.contains(Self.secret))
    #expect(try terminal.leaveWithCtrlD(unsavedChanges: true) == 0)
    // libedit writes a space as \040.
    let saved = try String(contentsOfFile: home.historyFile, encoding: .utf8)
      .replacingOccurrences(of: "\\040", with: " ")
    #expect(saved.contains("token set access-token $T"))
    #expect(!saved.contains(Self.secret))
  }

  @Test func noHistoryKeepsItInMemoryOnly() throws {
    let home = try SealedHome()
    let terminal = try home.start(["--no-history"])
    terminal.send("echo in-memory\r")
    try terminal.expect("\nin-memory\r\n")
    try terminal.expectPrompt()
    terminal.send("history\r")
    try terminal.expect("history\r\n")
    let listed = try terminal.expectPrompt()
    #expect(listed.contains("echo in-memory"))
    #expect(try terminal.leaveWithCtrlD() == 0)
    #expect(!FileManager.default.fileExists(atPath: home.historyFile))
  }

  @Test func ctrlRSearchesBackwards() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("echo x\"\"y1\r")
    try terminal.expect("\nxy1\r\n")
    try terminal.expectPrompt()
    terminal.send("echo other\r")
    try terminal.expect("\nother\r\n")
    try terminal.expectPrompt()
    terminal.send("\u{12}x\"\"")
    try terminal.expect("x\"\"")
    terminal.send("\r")
    // The search found `echo x""y1` and ran it again.
    try terminal.expect("\nxy1\r\n")
    try terminal.expectPrompt()
    #expect(try terminal.leaveWithCtrlD() == 0)
  }

  private func permissions(_ path: String) -> Int? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int(info.st_mode & 0o777)
  }
}
