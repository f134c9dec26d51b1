import Foundation
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
}
