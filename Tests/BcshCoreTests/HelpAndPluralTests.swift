import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// Issue 21, item 19: `help` guesses a mistyped group, lists the values a closed-set argument
/// takes, and counts read in the singular for one.
@Suite struct HelpAndPluralTests {
  @Test func helpOfAMistypedGroupSuggestsIt() async {
    let t = TestShell()
    #expect(await t.run("help scop") == .commandFailed)
    #expect(t.output.error.contains("hint: did you mean 'help scope'?"))
    #expect(await t.run("help token sett") == .commandFailed)
    #expect(t.output.error.contains("hint: did you mean 'help token set'?"))
  }

  @Test func helpListsTheValuesOfAClosedSetArgument() async {
    let t = TestShell()
    #expect(await t.run("help token set; help save") == .success)
    #expect(t.output.output.contains("  FIELD is one of: access-token, client-id, client-secret\n"))
    #expect(t.output.output.contains("  FORMAT is one of: session, txt, env\n"))
  }

  @Test func oneOfACountIsSingular() async {
    let t = TestShell()
    #expect(await t.run("token new abcd; save s.json; open s.json") == .success)
    #expect(t.output.output.contains("opened s.json (1 token)\n"))
    #expect(Counted.text(1, "HAR entry", "HAR entries") == "1 HAR entry")
    #expect(Counted.text(2, "HAR entry", "HAR entries") == "2 HAR entries")
    #expect(Counted.text(0, "token") == "0 tokens")
  }
}
