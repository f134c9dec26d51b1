import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

@Suite struct TableTests {
  @Test func wideCharactersTakeTwoColumns() {
    let table = Table(headers: ["NAME", "KIND"], rows: [["日本-store", "store"], ["abcd", "account"]])
    #expect(table.rendered() == "NAME        KIND\n日本-store  store\nabcd        account\n")
  }

  @Test func escapeSequencesTakeNone() {
    let table = Table(
      headers: ["A", "B"], rows: [[TextStyle(enabled: true).good("ok"), "x"], ["long", "y"]])
    #expect(table.rendered().contains("\u{1B}[32mok\u{1B}[0m    x\n"))
  }
}
