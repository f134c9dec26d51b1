import Foundation
@preconcurrency import Glibc
import TestSupport
import Testing

/// Issue 22, items 1 and 3: Ctrl-C ends a verify at once while it connects or shakes hands, and
/// ends a save that waits for another process's folder lock; SIGTERM ends that wait too, and the
/// history is still saved.
@Suite(.serialized) struct HangInterruptTests {
  /// Silent TLS (the handshake never answered) and a full backlog (the SYN dropped).
  @Test(arguments: [false, true])
  func ctrlCStopsAVerifyThatIsStillConnecting(backlogFull: Bool) throws {
    let listener = try TestSupport.SilentListener(fillingTheBacklog: backlogFull)
    let home = try SealedHome()
    let terminal = try home.start(environment: [
      "BCSH_API_BASE": "https://127.0.0.1:\(listener.port)", "T": "k3jd8f0s9d8f7g6h5j4k3l2m1n0p9q8",
    ])
    terminal.send("token new demo-store; path set abc123; token set access-token --env T\r")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    terminal.send("verify --timeout 60\r")
    terminal.drain(for: 0.5)
    let pressed = Date()
    terminal.send("\u{03}")
    let shown = try terminal.expectPrompt("bcsh(demo-store)*> ", timeout: 20)
    let took = Date().timeIntervalSince(pressed)
    #expect(took < 3, "Ctrl-C took \(took) s to stop verify")
    #expect(shown.contains("verify interrupted; nothing was recorded"))
    #expect(try terminal.leaveWithCtrlD(unsavedChanges: true) == 0)
    withExtendedLifetime(listener) {}
  }

  /// Holds the `flock` a save takes on `folder` until the returned descriptor is closed.
  private func lock(_ folder: String) -> Int32 {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
    #expect(flock(descriptor, LOCK_EX) == 0)
    return descriptor
  }

  @Test func ctrlCStopsASaveWaitingForAnotherProcesssLock() throws {
    let home = try SealedHome()
    let held = lock(home.work)
    defer { close(held) }
    let terminal = try home.start()
    terminal.send("token new demo-store; save s.json\r")
    terminal.drain(for: 0.5)
    let pressed = Date()
    terminal.send("\u{03}")
    let shown = try terminal.expectPrompt("bcsh(demo-store)*> ", timeout: 20)
    let took = Date().timeIntervalSince(pressed)
    #expect(took < 2, "Ctrl-C took \(took) s to stop the save")
    #expect(shown.contains("cancelled while waiting for another save"), "\(shown)")
    #expect(!FileManager.default.fileExists(atPath: home.work + "/s.json"))
    #expect(try terminal.leaveWithCtrlD(unsavedChanges: true) == 0)
  }

  @Test func sigtermEndsASaveWaitingForAnotherProcesssLockAndSavesTheHistory() throws {
    let home = try SealedHome()
    let held = lock(home.work)
    defer { close(held) }
    let terminal = try home.start()
    terminal.send("echo before-the-lock\r")
    try terminal.expect("\nbefore-the-lock\r\n")
    try terminal.expectPrompt()
    terminal.send("token new demo-store; save s.json\r")
    terminal.drain(for: 0.5)
    let sent = Date()
    kill(terminal.pid, SIGTERM)
    #expect(try terminal.waitForExit() == 128 + SIGTERM)
    let took = Date().timeIntervalSince(sent)
    #expect(took < 2, "SIGTERM took \(took) s to end the shell")
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
    let saved = try String(contentsOfFile: home.historyFile, encoding: .utf8)
    #expect(saved.contains("before-the-lock"))
    #expect(!FileManager.default.fileExists(atPath: home.work + "/s.json"))
  }
}
