import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// The examples `help` shows for the scope-intelligence commands run as shown.
@Suite struct HelpExampleTests {
  @Test(arguments: [ScopeInfoCommand.spec.example, ScopeNeedCommand.spec.example])
  func theExampleRuns(example: String) async {
    let t = TestShell()
    #expect(await t.run("token new abcd; " + example) == .success, "\(t.output.error)")
    #expect(t.output.error.isEmpty)
  }

  @Test func theExamplesAreWhatTheDoneWhenSays() {
    #expect(
      CommandTable.spec(named: ["scope", "need"])?.example
        == "scope need GET /v3/catalog/products/77/images POST /v2/orders GET /v3/hooks")
  }
}
