import Foundation
@preconcurrency import Glibc
import TestSupport
import Testing

/// The real bcsh in a pseudo-terminal: what only a terminal shows.
@Suite(.serialized) struct InteractiveShellTests {
  @Test func ctrlDOnAnEmptyLineLeavesWithStatusZeroAndRestoresTheTerminal() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    #expect(try terminal.leaveWithCtrlD() == 0)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
  }

  @Test func ctrlDWarnsOnceAboutUnsavedChanges() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("token new demo-store\r")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    terminal.send("\u{04}")
    try terminal.expect("unsaved changes\r\nhint: 'save' keeps them; 'exit' or Ctrl-D again leaves")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    terminal.send("\u{04}")
    #expect(try terminal.waitForExit() == 0)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
  }

  @Test func ctrlCDropsTheHalfTypedLineAndKeepsTheSession() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("token new demo-store\r")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    terminal.send("token rm demo-st")
    try terminal.expect("demo-st")
    terminal.send("\u{03}")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    terminal.send("echo after\r")
    let shown = try terminal.expectPrompt("bcsh(demo-store)*> ")
    #expect(shown.contains("\nafter\r\n"))
    terminal.send("status\r")
    let status = try terminal.expectPrompt("bcsh(demo-store)*> ")
    #expect(status.contains("current token:   demo-store"))
    terminal.send("exit 0\r")
    try terminal.expect("unsaved")
    try terminal.expectPrompt()
    terminal.send("exit 0\r")
    #expect(try terminal.waitForExit() == 0)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
  }

  @Test func nonASCIIAndLongLinesArriveWhole() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("echo grüße ünïcödé 日本\r")
    try terminal.expect("\ngrüße ünïcödé 日本\r\n")
    try terminal.expectPrompt()
    // Longer than the 100-column terminal: libedit wraps it.
    let long = (1...60).map { "w\($0)" }.joined(separator: "-")
    terminal.send("echo \(long)\r")
    try terminal.expect("\n\(long)\r\n")
    try terminal.expectPrompt()
    #expect(try terminal.leaveWithCtrlD() == 0)
  }

  @Test func aResizedWindowKeepsTheLine() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("echo wi")
    try terminal.expect("wi")
    terminal.resize(rows: 20, columns: 60)
    terminal.drain(for: 0.3)
    terminal.send("dth\r")
    try terminal.expect("\nwidth\r\n")
    try terminal.expectPrompt()
    #expect(try terminal.leaveWithCtrlD() == 0)
  }

  @Test func theStartupScriptRunsAndItsErrorsDoNotStopTheShell() throws {
    let home = try SealedHome()
    try "token new from-rc\nscope add no-such-scope\necho not reached\n".write(
      toFile: home.startupScript, atomically: true, encoding: .utf8)
    let terminal = try home.start(rc: true)
    #expect(terminal.screen.contains("bcshrc:2:"))
    #expect(terminal.screen.contains("no-such-scope"))
    #expect(terminal.screen.contains("bcsh(from-rc)*> "))
    terminal.send("echo alive\r")
    try terminal.expect("\nalive\r\n")
    try terminal.expectPrompt()
    #expect(try terminal.leaveWithCtrlD(unsavedChanges: true) == 0)
  }

  @Test func noRcSkipsTheStartupScript() throws {
    let home = try SealedHome()
    try "token new from-rc\n".write(toFile: home.startupScript, atomically: true, encoding: .utf8)
    let terminal = try home.start()
    terminal.send("echo ready\r")
    let shown = try terminal.expect("\nready\r\n")
    #expect(!shown.contains("from-rc"))
    try terminal.expectPrompt()
    #expect(try terminal.leaveWithCtrlD() == 0)
  }

  @Test func sigtermSavesTheHistoryAndRestoresTheTerminal() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("echo before-term\r")
    try terminal.expect("\nbefore-term\r\n")
    try terminal.expectPrompt()
    terminal.send("echo half")
    try terminal.expect("half")
    kill(terminal.pid, SIGTERM)
    #expect(try terminal.waitForExit() == 128 + SIGTERM)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
    let saved = try String(contentsOfFile: home.historyFile, encoding: .utf8)
    #expect(saved.contains("before-term"))
  }

  /// On a terminal, verify shows each step as its answer arrives: the liveness line goes out
  /// before the probes are counted, and the counting line is erased before the rest of the report.
  @Test func verifyShowsItsStepsAsTheyArrive() throws {
    let home = try SealedHome()
    let terminal = try home.start(["--sandbox"])
    terminal.send(
      "token new live-one; scope preset migration-to; path set $SANDBOX_STORE_HASH; "
        + "token set access-token --env SANDBOX_MIGRATION_ACCESS_TOKEN\r")
    try terminal.expectPrompt("bcsh(live-one)*> ")
    terminal.send("verify\r")
    try terminal.expect("liveness  ok       GET /v3/hooks answered HTTP 200\r\n")
    try terminal.expect("probing   ")
    try terminal.expect("of 8 scopes")
    let rest = try terminal.expect("result: ok")
    // The counting line was erased, and no step was written twice.
    #expect(rest.contains("\r\u{1B}[K"))
    #expect(!rest.contains("liveness  ok"))
    try terminal.expectPrompt("bcsh(live-one)*> ")
    #expect(try terminal.leaveWithCtrlD(unsavedChanges: true) == 0)
  }

  /// A SIGCONT (after Ctrl-Z and `fg`) that comes while a command runs is not a reason to leave.
  @Test func sigcontWhileACommandRunsKeepsTheShell() throws {
    let silent = try SilentListener()
    defer { withExtendedLifetime(silent) {} }
    let home = try SealedHome()
    let terminal = try home.startWithAToken(apiBase: "http://127.0.0.1:\(silent.port)")
    terminal.send("verify --timeout 2\r")
    terminal.drain(for: 0.5)
    kill(terminal.pid, SIGCONT)
    try terminal.expect("result: not checked", timeout: 15)
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    terminal.send("echo still-here\r")
    try terminal.expect("\nstill-here\r\n")
    try terminal.expectPrompt()
    #expect(try terminal.leaveWithCtrlD(unsavedChanges: true) == 0)
    withExtendedLifetime(silent) {}
  }

  @Test func theEditrcNamedByEDITRCIsRead() throws {
    let home = try SealedHome()
    try "bind ^G em-kill-line\n".write(toFile: home.editrc, atomically: true, encoding: .utf8)
    let terminal = try home.start()
    terminal.send("echo junk")
    try terminal.expect("junk")
    terminal.send("\u{07}echo clean\r")
    let shown = try terminal.expect("\nclean\r\n")
    #expect(!shown.contains("junkecho"))
    try terminal.expectPrompt()
    #expect(try terminal.leaveWithCtrlD() == 0)
  }
}

/// Ctrl-C while a command runs: the command stops, the session stays as it was, the prompt returns.
@Suite(.serialized) struct InterruptTests {
  @Test func ctrlCStopsAVerifyThatWaitsOnAServerThatNeverAnswers() throws {
    let silent = try SilentListener()
    defer { withExtendedLifetime(silent) {} }
    let home = try SealedHome()
    let terminal = try home.startWithAToken(apiBase: "http://127.0.0.1:\(silent.port)", scopes: ["products"])
    let started = Date()
    terminal.send("verify --timeout 60\r")
    terminal.drain(for: 0.5)
    terminal.send("\u{03}")
    let shown = try terminal.expectPrompt("bcsh(demo-store)*> ", timeout: 10)
    #expect(Date().timeIntervalSince(started) < 10)
    #expect(shown.contains("verify interrupted; nothing was recorded"))
    terminal.send("token list\r")
    let list = try terminal.expectPrompt("bcsh(demo-store)*> ")
    #expect(list.contains("never"))
    terminal.send("exit 0\r")
    try terminal.expect("unsaved")
    terminal.send("exit 0\r")
    #expect(try terminal.waitForExit() == 0)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
  }
}
