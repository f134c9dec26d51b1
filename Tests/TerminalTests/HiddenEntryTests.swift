import Foundation
@preconcurrency import Glibc
import Testing

/// `token set FIELD` with no value asks on the terminal without echo.
@Suite(.serialized) struct HiddenEntryTests {
  @Test func aSecretTypedAtTheHiddenPromptIsNeverEchoed() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("token new demo-store\r")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    terminal.send("token set access-token\r")
    try terminal.expect("(input hidden): ")
    terminal.send("hiddenvalue0123456789wxyz\r")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    terminal.send("token show\r")
    try terminal.expect("****wxyz")
    try terminal.expectPrompt()
    #expect(!terminal.screen.contains("hiddenvalue"))
    #expect(try terminal.leaveWithCtrlD(unsavedChanges: true) == 0)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
    let saved = (try? String(contentsOfFile: home.historyFile, encoding: .utf8)) ?? ""
    #expect(saved.contains("access-token"))
    #expect(!saved.contains("hiddenvalue"))
  }

  @Test func ctrlCCancelsHiddenEntryAndRestoresEcho() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("token new demo-store\r")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    terminal.send("token set client-secret\r")
    try terminal.expect("(input hidden): ")
    terminal.send("half-typed")
    terminal.drain(for: 0.2)
    terminal.send("\u{03}")
    try terminal.expect("cancelled")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    terminal.send("echo visible-again\r")
    try terminal.expect("echo visible-again")
    try terminal.expect("\nvisible-again\r\n")
    try terminal.expectPrompt()
    #expect(!terminal.screen.contains("half-typed"))
    #expect(try terminal.leaveWithCtrlD(unsavedChanges: true) == 0)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
  }

  @Test func hiddenEntryOutsideTheShellRestoresTheTerminalOnCtrlC() throws {
    let home = try SealedHome()
    let terminal = try PseudoTerminal(
      executable: SealedHome.binary, arguments: ["-c", "token new demo-store; token set access-token"],
      environment: home.environment, directory: home.work)
    try terminal.expect("(input hidden): ")
    terminal.send("\u{03}")
    #expect(try terminal.waitForExit() == 130)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
  }

  /// The terminal code only hands the signal up: the executable ends by it after the history is
  /// saved and the terminal restored.
  @Test func sigtermDuringHiddenEntryInTheShellSavesTheHistoryAndEndsBySIGTERM() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("token new demo-store\r")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    terminal.send("token set access-token\r")
    try terminal.expect("(input hidden): ")
    terminal.send("half-typed")
    terminal.drain(for: 0.2)
    kill(terminal.pid, SIGTERM)
    #expect(try terminal.waitForExit() == 128 + SIGTERM)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
    let saved = (try? String(contentsOfFile: home.historyFile, encoding: .utf8)) ?? ""
    #expect(saved.contains("demo-store"))
    #expect(!terminal.screen.contains("half-typed"))
  }

  @Test func sighupDuringHiddenEntryInAScriptStopsTheScriptAndEndsBySIGHUP() throws {
    let home = try SealedHome()
    let terminal = try PseudoTerminal(
      executable: SealedHome.binary,
      arguments: ["-c", "token new demo-store; token set access-token; echo not-reached"],
      environment: home.environment, directory: home.work)
    try terminal.expect("(input hidden): ")
    kill(terminal.pid, SIGHUP)
    #expect(try terminal.waitForExit() == 128 + SIGHUP)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
    #expect(!terminal.screen.contains("not-reached"))
  }
}
