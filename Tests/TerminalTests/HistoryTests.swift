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
    try first.expect("bcsh(demo-store)*> ")
    // `one""two` prints onetwo: the output shows the command ran, not that it was typed.
    first.send("echo one\"\"two\r")
    try first.expect("\nonetwo\r\n")
    first.send("token set access-token \(Self.secret)\r")
    try first.expect("warning:")
    try first.expect("*> ")
    first.send(" echo spaced-line\r")
    try first.expect("\nspaced-line\r\n")
    first.send("\u{04}")
    try first.expect("Ctrl-D again")
    first.send("\u{04}")
    #expect(try first.waitForExit() == 0)

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
    second.send("history\r")
    let listed = try second.expect("> ")
    #expect(listed.contains("token new demo-store"))
    #expect(!listed.contains(Self.secret))
    second.send("\u{04}")
    #expect(try second.waitForExit() == 0)
  }

  @Test func noHistoryKeepsItInMemoryOnly() throws {
    let home = try SealedHome()
    let terminal = try home.start(["--no-history"])
    terminal.send("echo in-memory\r")
    try terminal.expect("\nin-memory\r\n")
    terminal.send("history\r")
    try terminal.expect("echo in-memory")
    terminal.send("\u{04}")
    #expect(try terminal.waitForExit() == 0)
    #expect(!FileManager.default.fileExists(atPath: home.historyFile))
  }

  @Test func ctrlRSearchesBackwards() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("echo x\"\"y1\r")
    try terminal.expect("\nxy1\r\n")
    terminal.send("echo other\r")
    try terminal.expect("\nother\r\n")
    terminal.send("\u{12}x\"\"")
    try terminal.expect("x\"\"")
    terminal.send("\r")
    terminal.send("echo done\r")
    let shown = try terminal.expect("\ndone\r\n")
    #expect(shown.contains("xy1\r\n"))
    terminal.send("\u{04}")
    #expect(try terminal.waitForExit() == 0)
  }

  private func permissions(_ path: String) -> Int? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int(info.st_mode & 0o777)
  }
}
