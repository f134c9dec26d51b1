import Foundation
import Testing

/// Tab in the real bcsh: the core's completion engine, through libedit. libedit redraws only what
/// changed, so each test checks what the line became by running it, or by `history`.
@Suite(.serialized) struct CompletionTests {
  @Test func tabCompletesACommand() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("tok\t")
    try terminal.expect("en ")
    terminal.send("list\r")
    try terminal.expect("list\r\n")
    try terminal.expectPrompt()
    terminal.send("history\r")
    try terminal.expect("history\r\n")
    let listed = try terminal.expectPrompt()
    #expect(listed.contains("token list"))
    #expect(try terminal.leaveWithCtrlD() == 0)
  }

  @Test func tabCompletesAScope() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("token new demo-store\r")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    terminal.send("scope add prod\t")
    try terminal.expect("ucts")
    terminal.send("\r")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    terminal.send("scope list\r")
    let scopes = try terminal.expectPrompt("bcsh(demo-store)*> ")
    #expect(scopes.contains("Products"))
    #expect(try terminal.leaveWithCtrlD(unsavedChanges: true) == 0)
  }

  @Test func tabCompletesARequestPathSegmentBySegment() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("scope need GET /v3/cat\t")
    try terminal.expect("alog/")
    terminal.send("products/77/ima\t")
    // Two candidates, the endpoint and the folder below it: listed, then the line drawn again.
    let listed = try terminal.expect("images/\r\n")
    #expect(listed.contains("Products · read-only"))
    try terminal.expect("scope need GET /v3/catalog/products/77/images")
    terminal.send("\r")
    let answer = try terminal.expectPrompt()
    #expect(answer.contains("needs: products=read-only"))
    #expect(try terminal.leaveWithCtrlD() == 0)
  }

  @Test func tabListsAScopesLevels() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("token new demo-store\r")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    terminal.send("scope add products=\t")
    // Several levels: listed below the line with their details, then the line is drawn again.
    try terminal.expect("scope add products=")
    let listed = try terminal.expect("store_v2_products\r\n")
    try terminal.expect("scope add products=")
    #expect(listed.contains("products=read-only"))
    #expect(listed.contains("products=modify"))
    terminal.send("mo\t\r")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    terminal.send("scope list\r")
    let scopes = try terminal.expectPrompt("bcsh(demo-store)*> ")
    #expect(scopes.contains("modify"))
    #expect(try terminal.leaveWithCtrlD(unsavedChanges: true) == 0)
  }

  @Test func tabListsSeveralScopesBelowTheLine() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("token new demo-store\r")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    terminal.send("scope add ord\t")
    try terminal.expect("scope add ord")
    let listed = try terminal.expect("bcsh(demo-store)*> scope add order")
    #expect(listed.contains("orders"))
    #expect(listed.contains("order-transactions"))
    terminal.send("\u{03}")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    #expect(try terminal.leaveWithCtrlD(unsavedChanges: true) == 0)
  }

  @Test func tabCompletesAFileInTheCurrentFolder() throws {
    let home = try SealedHome()
    try "echo from-setup-script\n".write(
      toFile: home.work + "/setup.bcsh", atomically: true, encoding: .utf8)
    let terminal = try home.start()
    terminal.send("source set\t")
    try terminal.expect("up.bcsh ")
    terminal.send("\r")
    try terminal.expect("\nfrom-setup-script\r\n")
    try terminal.expectPrompt()
    #expect(try terminal.leaveWithCtrlD() == 0)
  }

  @Test func tabWithNothingToOfferKeepsTheLine() throws {
    let home = try SealedHome()
    let terminal = try home.start()
    terminal.send("echo zz\t")
    terminal.drain(for: 0.3)
    terminal.send("\r")
    try terminal.expect("\nzz\r\n")
    try terminal.expectPrompt()
    #expect(try terminal.leaveWithCtrlD() == 0)
  }

  @Test func manyCandidatesAskBeforeTheyAreListed() throws {
    let home = try SealedHome()
    for number in 1...120 {
      try "".write(toFile: home.work + "/step\(1000 + number).bcsh", atomically: true, encoding: .utf8)
    }
    let terminal = try home.start()
    terminal.send("source ste\t")
    try terminal.expect("Display all 120 possibilities? (y or n)")
    terminal.send("n")
    try terminal.expect("source step1")
    #expect(!terminal.screen.contains("step1120.bcsh"))
    terminal.send("\t")
    try terminal.expect("Display all 120 possibilities? (y or n)")
    terminal.send("y")
    try terminal.expect("step1120.bcsh")
    try terminal.expect("source step1")
    terminal.send("\u{03}")
    try terminal.expectPrompt()
    #expect(try terminal.leaveWithCtrlD() == 0)
  }
}
