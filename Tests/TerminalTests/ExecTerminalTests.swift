import Foundation
@preconcurrency import Glibc
import Testing

/// `exec` in the interactive shell: the program has the terminal (it reads what is typed), and a
/// Ctrl-C reaches the program, not bcsh, which comes back to its prompt.
@Suite(.serialized) struct ExecTerminalTests {
  @Test func theProgramReadsTheTerminalAndCtrlCStopsOnlyIt() throws {
    let home = try SealedHome()
    let terminal = try home.startWithAToken(apiBase: "https://api.bigcommerce.com")
    terminal.send("exec demo-store -- sh -c 'read line; echo \"got:$line:$BIGCOMMERCE_STORE_HASH\"'\r")
    Thread.sleep(forTimeInterval: 0.5)
    terminal.send("typed here\r")
    _ = try terminal.expect("got:typed here:abc123")
    _ = try terminal.expectPrompt("bcsh(demo-store)*> ")

    terminal.send("exec demo-store -- sleep 30\r")
    Thread.sleep(forTimeInterval: 0.5)
    terminal.send("\u{03}")
    let shown = try terminal.expectPrompt("bcsh(demo-store)*> ", timeout: 10)
    #expect(!shown.contains("k3jd8f0s9d8f7g6h5j4k3l2m1n0p9q8"))
    #expect(try terminal.leaveWithCtrlD(unsavedChanges: true) == 0)
  }

  /// A SIGHUP (the terminal closing) or SIGTERM sent to bcsh goes on to the program, and then ends
  /// the session as it would at the prompt.
  @Test(arguments: [SIGHUP, SIGTERM])
  func anEndingSignalEndsTheProgramAndThenTheSession(signal: Int32) throws {
    let home = try SealedHome()
    let terminal = try home.startWithAToken(apiBase: "https://api.bigcommerce.com")
    terminal.send("exec demo-store -- sh -c 'echo started; exec sleep 30'\r")
    _ = try terminal.expect("started")
    Thread.sleep(forTimeInterval: 0.3)
    kill(terminal.pid, signal)
    #expect(try terminal.waitForExit() == 128 + signal)
  }
}
