import Foundation
@preconcurrency import Glibc
import TestSupport
import Testing

/// `token set FIELD` with no value asks on the terminal without echo.
@Suite(.serialized) struct HiddenEntryTests {
  /// The shell, with the token demo-store, asking for `field` without echo.
  static func atTheHiddenPrompt(for field: String) throws -> (SealedHome, PseudoTerminal) {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("token new demo-store\r")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    terminal.send("token set \(field)\r")
    try terminal.expect("(input hidden): ")
    return (home, terminal)
  }

  /// `bcsh -c COMMANDS` on the terminal, asking for a value without echo.
  static func atTheHiddenPromptOfAScript(_ commands: String) throws -> (SealedHome, PseudoTerminal) {
    let home = try SealedHome()
    let terminal = try PseudoTerminal(
      executable: PackagePaths.bcsh, arguments: ["-c", commands], environment: home.environment,
      directory: home.work)
    try terminal.expect("(input hidden): ")
    return (home, terminal)
  }

  @Test func aSecretTypedAtTheHiddenPromptIsNeverEchoed() throws {
    let (home, terminal) = try Self.atTheHiddenPrompt(for: "access-token")
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
    let (home, terminal) = try Self.atTheHiddenPrompt(for: "client-secret")
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
    withExtendedLifetime(home) {}
  }

  @Test func hiddenEntryOutsideTheShellRestoresTheTerminalOnCtrlC() throws {
    let (home, terminal) = try Self.atTheHiddenPromptOfAScript("token new demo-store; token set access-token")
    terminal.send("\u{03}")
    #expect(try terminal.waitForExit() == 130)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
    withExtendedLifetime(home) {}
  }

  /// The terminal code only hands the signal up: the executable ends by it after the history is
  /// saved and the terminal restored.
  @Test func sigtermDuringHiddenEntryInTheShellSavesTheHistoryAndEndsBySIGTERM() throws {
    let (home, terminal) = try Self.atTheHiddenPrompt(for: "access-token")
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
    let (home, terminal) = try Self.atTheHiddenPromptOfAScript(
      "token new demo-store; token set access-token; echo not-reached")
    kill(terminal.pid, SIGHUP)
    #expect(try terminal.waitForExit() == 128 + SIGHUP)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))
    #expect(!terminal.screen.contains("not-reached"))
    withExtendedLifetime(home) {}
  }
}
