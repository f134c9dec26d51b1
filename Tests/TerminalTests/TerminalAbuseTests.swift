import Foundation
@preconcurrency import Glibc
import Testing

/// Issue 10, row 3 and the terminal abuse list: input no person types on purpose. bcsh must not
/// crash or hang, and must leave the terminal as it found it.
@Suite(.serialized) struct TerminalAbuseTests {
  /// `BCSH_HISTFILE=/dev/zero`, with a node of that device in the test's own folder (a FIFO where
  /// device nodes cannot be made): a regression must not be able to replace the real one.
  @Test func aHistoryFileThatIsADeviceIsRefusedWithAWarning() throws {
    let home = try SealedHome()
    let zero = home.root + "/zero"
    if mknod(zero, S_IFCHR | 0o600, dev_t((1 << 8) | 5)) != 0 { #expect(mkfifo(zero, 0o600) == 0) }
    let terminal = try home.start(environment: ["BCSH_HISTFILE": zero])
    #expect(terminal.screen.contains("the history file \(zero) is not a regular file"))
    terminal.send("echo still-here\r")
    try terminal.expect("\nstill-here\r\n")
    try terminal.expectPrompt()
    #expect(try terminal.leaveWithCtrlD() == 0)
    var info = stat()
    #expect(lstat(zero, &info) == 0 && info.st_mode & S_IFMT != S_IFREG)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
  }

  @Test func aHugeHistoryFileIsNotRead() throws {
    let home = try SealedHome()
    let file = home.root + "/big-history"
    #expect(FileManager.default.createFile(atPath: file, contents: nil))
    #expect(truncate(file, 9 << 20) == 0)
    let terminal = try home.start(environment: ["BCSH_HISTFILE": file])
    #expect(terminal.screen.contains("is over 8 MiB"))
    #expect(try terminal.leaveWithCtrlD() == 0)
  }

  /// A pasted line of 1 MiB, invalid UTF-8 and control characters.
  @Test func abuseAtThePromptLeavesAWorkingShellAndTheTerminalRestored() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.paste(Array("echo ".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20) + [13])
    try terminal.expect("x\r\nbcsh", timeout: 60)
    try terminal.expectPrompt()
    // The line's echo and the command's output: two mebibytes of x.
    #expect(terminal.transcript.lazy.filter { $0 == UInt8(ascii: "x") }.count >= 2 << 20)

    terminal.send(bytes: Array("echo ".utf8) + [0xFF, 0xFE, 0xC3, 0x28, 0xE2, 0x82] + Array(" tail\r".utf8))
    try terminal.expect("tail\r\n")
    try terminal.expectPrompt()

    // Ctrl-A, Ctrl-B, a stray escape sequence, DEL, Ctrl-L, then Ctrl-C clears what is left.
    terminal.send("echo a\u{01}\u{02}\u{1B}[31m\u{7F}\u{0C}b\u{03}")
    try terminal.expectPrompt()
    terminal.send("echo after-abuse\r")
    try terminal.expect("after-abuse\r\n")
    try terminal.expectPrompt()
    #expect(try terminal.leaveWithCtrlD() == 0)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
  }

  /// Found by this test (1 run in 3 before the fix): after a shrink, libedit's `el_resize` keeps
  /// the cursor column of the old width, and the next keystroke writes past the end of the new,
  /// narrower display buffer: heap corruption, then SIGSEGV or "malloc(): unaligned tcache chunk"
  /// (libedit's own SIGWINCH handler resized the same way, on any thread). 500 resizes between
  /// keystrokes, with no pause.
  @Test func windowResizesMidLine() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    for line in 0..<5 {
      terminal.send("echo ")
      for index in 0..<100 {
        terminal.send("x")
        terminal.resize(rows: UInt16(5 + index % 30), columns: UInt16(10 + (index * 7) % 150))
      }
      terminal.send(" end\(line)\r")
      try terminal.expect(String(repeating: "x", count: 100) + " end\(line)\r\n", timeout: 20)
    }
    try terminal.expectPrompt()
    #expect(try terminal.leaveWithCtrlD() == 0)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
  }

  /// The reproduction as filed: the cursor at column 14 when the window shrinks to 12 columns.
  @Test(arguments: 0..<4) func aShrinkWithTheCursorPastTheNewWidth(_ round: Int) throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("echo par")
    terminal.resize(rows: 8, columns: 12)
    terminal.send("t one")
    terminal.resize(rows: 40, columns: 200)
    terminal.send(" two\r")
    try terminal.expect("part one two\r\n")
    try terminal.expectPrompt()
    #expect(try terminal.leaveWithCtrlD() == 0)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
  }

  /// Ctrl-Z at the prompt: bcsh gives the terminal back in the mode it found and stops; the test's
  /// process group is orphaned, so the kernel drops the stop and bcsh goes on at once, raw again,
  /// with the line as it was.
  @Test func ctrlZAtThePromptKeepsTheLine() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("echo ab")
    try terminal.expect("ab")
    terminal.send("\u{1A}")
    terminal.drain(for: 0.3)
    terminal.send("cd\r")
    try terminal.expect("\nabcd\r\n")
    try terminal.expectPrompt()
    #expect(try terminal.leaveWithCtrlD() == 0)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
  }

  /// Stopped from outside and continued after another program put the terminal back in cooked
  /// mode (as a job-control shell does while bcsh is stopped): bcsh makes it raw again.
  @Test func continuedAfterAStopTheTerminalIsRawAgain() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("echo ab")
    try terminal.expect("ab")
    kill(terminal.pid, SIGSTOP)
    terminal.drain(for: 0.2)
    terminal.setSettings(terminal.settingsBefore)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
    kill(terminal.pid, SIGCONT)
    terminal.drain(for: 0.3)
    #expect(terminal.settingsNow.c_lflag & tcflag_t(ICANON) == 0, "bcsh did not make the terminal raw again")
    terminal.send("cd\r")
    try terminal.expect("\nabcd\r\n")
    try terminal.expectPrompt()
    #expect(try terminal.leaveWithCtrlD() == 0)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
  }
}
