import Foundation
import Testing

/// The secret canaries at a terminal: hidden entry, inline secrets with their warning, and typos
/// that name a secret field. The history file and every file written must hold no 8-character run
/// of a secret, and what was typed hidden must never reach the screen.
@Suite(.serialized) struct SecretCanaryTerminalTests {
  static let hidden = "hiddencanary4k8m2n6b1v9c3x7z5q0"
  static let inline = "c0ffee1234abcd5678ef90aa11bb22cc33dd44ee55ff6677889900aabbccdd12"
  static let typo = "typocanary1a2s3d4f5g6h7j8k9l0zx"

  func runs(of secret: String) -> [String] {
    let characters = Array(secret)
    return (0...(characters.count - 8)).map { String(characters[$0..<($0 + 8)]) }
  }

  @Test func noRunOfASecretInTheHistoryOrFiles() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("token new canary-token\r")
    try terminal.expectPrompt("bcsh(canary-token)*> ")
    terminal.send("token set access-token\r")
    try terminal.expect("(input hidden): ")
    terminal.send(Self.hidden + "\r")
    try terminal.expectPrompt()
    terminal.send("token set client-secret \(Self.inline)\r")
    try terminal.expect("kept out of the history")
    try terminal.expectPrompt()
    for line in [
      "tokn set access-token \(Self.typo)", "token set acess-token \(Self.typo)", "\(Self.typo)",
      "token set access-token=\(Self.typo)", "token show",
    ] {
      terminal.send(line + "\r")
      try terminal.expectPrompt()
    }
    #expect(try terminal.leaveWithCtrlD(unsavedChanges: true) == 0)
    #expect(sameSettings(terminal.settingsBefore, terminal.settingsNow))

    let history = (try? String(contentsOfFile: home.historyFile, encoding: .utf8)) ?? ""
    #expect(history.contains("canary-token"), "the history was not written: \(history)")
    var written = history
    for file in FileManager.default.enumerator(atPath: home.root)?.compactMap({ $0 as? String }) ?? [] {
      if let data = FileManager.default.contents(atPath: home.root + "/" + file) {
        written += String(decoding: data, as: UTF8.self)
      }
    }
    for secret in [Self.hidden, Self.inline, Self.typo] {
      #expect(
        runs(of: secret).filter(written.contains).isEmpty, "a run of \(secret.prefix(6))... was written")
    }
    // Typed hidden: never on the screen (`token show` shows it masked).
    #expect(runs(of: Self.hidden).filter(terminal.screen.contains).isEmpty)
  }
}
