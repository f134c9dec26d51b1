import Foundation
@preconcurrency import Glibc
import TestSupport
import Testing

/// Issue 22, items 1 and 3: Ctrl-C ends a verify at once while it connects or shakes hands, and
/// ends a save that waits for another process's folder lock; SIGTERM ends that wait too, and the
/// history is still saved. Each signal is sent once bcsh is seen where it must be stopped, and
/// each test checks what only the signal can bring about: the verify's 60-second timeout, or the
/// save's own 5-second wait (which ends with another message), has not run out by then.
@Suite(.serialized) struct HangInterruptTests {
  /// Silent TLS (the handshake never answered) and a full backlog (the SYN dropped).
  @Test(arguments: [false, true])
  func ctrlCStopsAVerifyThatIsStillConnecting(backlogFull: Bool) throws {
    let listener = try SilentListener(fillingTheBacklog: backlogFull)
    let home = try SealedHome()
    let base = "https://127.0.0.1:\(listener.port)"
    let terminal = try home.startWithAToken(apiBase: base)
    terminal.send("verify --timeout 60\r")
    // The report's header comes before the first request: from here on, verify is connecting.
    try terminal.expect("requests go to \(base)")
    terminal.send("\u{03}")
    let shown = try terminal.expectPrompt("bcsh(demo-store)*> ", timeout: 20)
    #expect(shown.contains("verify interrupted; nothing was recorded"))
    #expect(try terminal.leaveWithCtrlD(unsavedChanges: true) == 0)
    withExtendedLifetime(listener) {}
  }

  /// Starts bcsh in `home` and has it save while the test holds the folder's lock; returns once
  /// the save is seen waiting for the lock.
  private func startASaveWaitingForTheLock(
    in home: SealedHome, before: (PseudoTerminal) throws -> Void = { _ in }
  ) throws -> (terminal: PseudoTerminal, held: HeldFolderLock) {
    let held = try HeldFolderLock(home.work)
    let terminal = try home.start()
    try before(terminal)
    terminal.send("token new demo-store; save s.json\r")
    try terminal.waitUntilHolding(home.work)
    return (terminal, held)
  }

  @Test func ctrlCStopsASaveWaitingForAnotherProcesssLock() throws {
    let home = try SealedHome()
    let (terminal, held) = try startASaveWaitingForTheLock(in: home)
    defer { held.release() }
    terminal.send("\u{03}")
    let shown = try terminal.expectPrompt("bcsh(demo-store)*> ", timeout: 20)
    #expect(shown.contains("cancelled while waiting for another save"), "\(shown)")
    #expect(!FileManager.default.fileExists(atPath: home.work + "/s.json"))
    #expect(try terminal.leaveWithCtrlD(unsavedChanges: true) == 0)
  }

  @Test func sigtermEndsASaveWaitingForAnotherProcesssLockAndSavesTheHistory() throws {
    let home = try SealedHome()
    let (terminal, held) = try startASaveWaitingForTheLock(in: home) { terminal in
      terminal.send("echo before-the-lock\r")
      try terminal.expect("\nbefore-the-lock\r\n")
      try terminal.expectPrompt()
    }
    defer { held.release() }
    kill(terminal.pid, SIGTERM)
    #expect(try terminal.waitForExit() == 128 + SIGTERM)
    #expect(
      terminal.screen.contains("cancelled while waiting for another save"), "\(terminal.screen.suffix(500))")
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
    let saved = try String(contentsOfFile: home.historyFile, encoding: .utf8)
    #expect(saved.contains("before-the-lock"))
    #expect(!FileManager.default.fileExists(atPath: home.work + "/s.json"))
  }
}
