import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// Issue 21, items 13 and 14: every command that changes the session says what it did, and hints
/// read whole and say what is true.
@Suite struct ConfirmationAndHintTests {
  @Test func scopeClearTokenRenameAndTokenUseConfirmAsTokenRmDoes() async {
    let t = TestShell()
    #expect(await t.run("token new abcd; scope add products orders; token new efgh") == .success)
    #expect(await t.run("token use abcd") == .success)
    #expect(t.output.output.hasSuffix("using token 'abcd'\n"))
    #expect(await t.run("scope clear") == .success)
    #expect(t.output.output.hasSuffix("removed 2 scopes from 'abcd'\n"))
    #expect(await t.run("scope clear") == .success)
    #expect(t.output.output.hasSuffix("'abcd' declared no scopes\n"))
    #expect(await t.run("token rename abcd wxyz") == .success)
    #expect(t.output.output.hasSuffix("renamed token 'abcd' to 'wxyz'\n"))
    #expect(await t.run("token rm wxyz") == .success)
    #expect(t.output.output.hasSuffix("removed token 'wxyz'\n"))
  }

  /// As `token rm`, they report nothing under --json.
  @Test func theConfirmationsStayOutOfJSON() async {
    let t = TestShell(json: true)
    #expect(
      await t.run(
        "token new abcd; scope add products; token new efgh; token use abcd; scope clear; "
          + "token rename abcd wxyz") == .success)
    #expect(t.output.output.isEmpty)
  }

  @Test func aMissingFileIsToldFromAMissingFolder() async {
    let t = TestShell()
    #expect(await t.run("token import missing.txt") == .commandFailed)
    #expect(t.output.error.contains("hint: check the file name: its folder holds no 'missing.txt'\n"))
    #expect(await t.run("token import nowhere/creds.txt") == .commandFailed)
    #expect(t.output.error.contains("hint: check the path: the folder 'nowhere' does not exist\n"))
  }

  @Test func saveAsTxtNamesWhatIsMissing() async {
    let t = TestShell()
    #expect(await t.run("token new abcd; path set abc123; save creds.txt --format txt") == .commandFailed)
    #expect(t.output.error.contains("hint: 'token set access-token' sets the access token\n"))
  }
}
