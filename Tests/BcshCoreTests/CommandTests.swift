import Foundation
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

@Suite struct CommandTests {
  @Test func aFailedCommandLeavesTheSessionAsItWas() async {
    let t = TestShell()
    await t.run("token new migration; scope add products; path set abc123; set X 1")
    let before = t.state
    for bad in [
      "scope add orders prodcts", "token new abc", "token new migration", "path set https://example.com",
      "token use nope", "scope preset nope", "token rename migration x", "unset NOPE", "scope rm orders",
      "echo $NOPE", "token set access-token --env NOPE", "save", "open missing.json",
      "scope add account_read",
      "token import missing.txt", "exit 7",
    ] {
      let status = await t.run(bad)
      #expect(status == .commandFailed, "\(bad)")
      #expect(t.state == before, "\(bad) changed the session")
    }
  }

  /// The draft a command works on shares its storage with the session; a failure late in a
  /// command, after it already changed tokens and variables, must still leave nothing behind.
  @Test func aFailureLateInACommandUndoesItsEarlierChanges() async {
    let t = TestShell()
    await t.run("token new migration; scope add products; set X 1")
    t.write(
      "late.bcsh",
      "token new second; scope add orders; token use migration; scope rm products\n"
        + "token rename migration renamed; set X 2; set Y 3\nscope add prodcts\n")
    let before = t.state
    #expect(await t.run("source late.bcsh") == .commandFailed)
    #expect(t.state == before)
    #expect(t.state.session.tokens.map(\.name) == ["migration"])
    #expect(t.state.variables["X"] == "1" && t.state.variables["Y"] == nil)
    // The session still works after the rollback, in the order tokens were made.
    #expect(await t.run("token new third; token new fourth; token use migration; token rm third") == .success)
    #expect(t.state.session.tokens.map(\.name) == ["migration", "fourth"])
    #expect(t.state.session.current?.grants.map(\.scopeID) == ["products"])
    #expect(await t.run("token rm migration") == .success)
    #expect(t.state.session.currentName == "fourth")
  }

  @Test func aCommandLineIsAllOrNothingPerCommand() async {
    let t = TestShell()
    let status = await t.run("token new abcd\nscope add products orders\nscope add marketing nope\n")
    #expect(status == .commandFailed)
    #expect(t.state.session.current?.grants.map(\.scopeID) == ["orders", "products"])
  }

  @Test func scriptStopsAtItsFirstFailureWithItsPlace() async {
    let t = TestShell()
    let status = await t.run("token new abcd\necho one\nscope add prodcts\necho never\n")
    #expect(status == .commandFailed)
    #expect(t.output.output.contains("one"))
    #expect(!t.output.output.contains("never"))
    #expect(
      t.output.error
        == "test.bcsh:3:11: error: unknown scope 'prodcts'\nhint: did you mean 'products'? ('scope list --all' shows every scope)\n"
    )
  }

  @Test func keepGoingRunsEverythingAndReportsTheWorst() async {
    var options = ShellOptions()
    options.keepGoing = true
    let t = TestShell(options: options)
    let status = await t.run("token new abcd\nscope add prodcts\necho after\nfrobnicate\n")
    #expect(status == .commandFailed)
    #expect(t.output.output.contains("after"))
    #expect(t.output.error.contains("test.bcsh:2:11: error: unknown scope"))
    #expect(t.output.error.contains("test.bcsh:4:1: error: unknown command 'frobnicate'"))
    #expect(t.output.errorCodes == [.unknownName, .unknownName])
  }

  @Test func aSyntaxErrorRunsNothing() async {
    let t = TestShell()
    let status = await t.run("token new abcd\necho 'unterminated\n")
    #expect(status == .commandFailed)
    #expect(t.state.session.tokens.isEmpty)
    #expect(t.output.error.hasPrefix("test.bcsh:2:6: error: unterminated ' quote"))
  }

  @Test func dryRunWritesNothingAndSendsNothing() async {
    var options = ShellOptions()
    options.dryRun = true
    let t = TestShell(options: options)
    let status = await t.run(
      "token new abcd; scope preset migration-to; path set abc123\n"
        + "token set access-token \(Sample.accessToken)\nsave s.json\nsave c.txt --format txt\nverify\n")
    #expect(status == .success)
    #expect(!FileManager.default.fileExists(atPath: t.path("s.json")))
    #expect(!FileManager.default.fileExists(atPath: t.path("c.txt")))
    #expect(t.output.output.contains("dry run: would write s.json"))
    #expect(t.output.output.contains("dry run: nothing was sent"))
  }

  @Test func saveOpenRoundTripAndUnsavedChanges() async throws {
    let t = TestShell()
    await t.run("token new abcd; scope add products=read-only; path set store-abc123")
    #expect(t.state.hasUnsavedChanges)
    #expect(t.shell.prompt == "bcsh(abcd)*> ")
    #expect(await t.run("save") == .commandFailed)
    #expect(t.output.errorCodes.last == .notReady)
    #expect(await t.run("save s.json") == .success)
    #expect(!t.state.hasUnsavedChanges)
    #expect(t.shell.prompt == "bcsh(abcd)> ")
    #expect(TestFiles.mode(t.path("s.json")) == 0o600)
    await t.run("scope add orders")
    #expect(await t.run("open s.json") == .commandFailed)
    #expect(t.output.errorCodes.last == .unsavedChanges)
    #expect(await t.run("open --discard s.json") == .success)
    #expect(t.state.session.current?.grants.map(\.scopeID) == ["products"])
    #expect(await t.run("scope add orders; save") == .success)
    let other = TestShell()
    other.write("copy.json", t.read("s.json")!)
    #expect(await other.run("open copy.json") == .success)
    #expect(other.state.session == t.state.session)
  }

  @Test func saveRefusesAFileChangedOnDisk() async throws {
    let t = TestShell()
    await t.run("token new abcd; save s.json")
    t.write("s.json", "changed by someone else")
    #expect(await t.run("scope add products; save") == .commandFailed)
    #expect(t.output.errorCodes.last == .changedOnDisk)
    #expect(t.read("s.json") == "changed by someone else")
    #expect(await t.run("save --force") == .success)
    #expect(t.read("s.json")?.contains("products") == true)
  }

  @Test func txtNeverReplacesTheSessionsOwnFileUnforced() async {
    let t = TestShell()
    await t.run("token new abcd; path set abc123; token set access-token \(Sample.accessToken); save s.json")
    #expect(await t.run("save s.json --format txt") == .commandFailed)
    #expect(t.output.error.contains("'s.json' is this session's own file; saving txt there would replace it"))
    #expect(t.read("s.json")?.contains("bcsh-session") == true)
    #expect(await t.run("scope add products; save") == .success)
  }

  @Test func exitWarnsAgainAfterNewChanges() async {
    var options = ShellOptions()
    options.interactive = true
    let t = TestShell(options: options)
    await t.run("token new abcd")
    #expect(await t.shell.execute(line: "exit", lineNumber: 1).exitRequest == nil)
    #expect(t.output.error.contains("the session has unsaved changes"))
    await t.run("save w.json; token new efgh")
    #expect(await t.shell.execute(line: "exit", lineNumber: 2).exitRequest == nil)
    #expect(await t.shell.execute(line: "exit", lineNumber: 3).exitRequest == .success)
  }

  @Test func keepGoingKeepsWhatASourcedScriptDidAndPassesExitOn() async {
    var options = ShellOptions()
    options.keepGoing = true
    let t = TestShell(options: options)
    t.write("part.bcsh", "token new abcd\nscope add nope\nscope add products\n")
    #expect(await t.run("source part.bcsh; echo after") == .commandFailed)
    #expect(t.state.session.current?.grants.map(\.scopeID) == ["products"])
    #expect(t.output.output.contains("after"))
    t.write("leave.bcsh", "exit 1\n")
    #expect(await t.run("source leave.bcsh; echo never") == .verifyProblem)
    #expect(!t.output.output.contains("never"))
  }

  @Test func saveAsTxtAndEnvReadBack() async throws {
    let t = TestShell()
    await t.run(
      "token new migration-2026; path set abc123; token set access-token \(Sample.accessToken)\n"
        + "token set client-id \(Sample.clientID); token set client-secret \(Sample.clientSecret)\n"
        + "save creds.txt --format txt; save .env --format=env")
    #expect(t.read("creds.txt") == CredentialsFileTests.classic)
    #expect(TestFiles.mode(t.path("creds.txt")) == 0o600)
    #expect(t.read(".env")?.contains("BIGCOMMERCE_ACCESS_TOKEN=\(Sample.accessToken)") == true)
    #expect(await t.run("token rm migration-2026; token import creds.txt") == .success)
    let token = t.state.session.current
    #expect(token?.name == "migration-2026")
    #expect(token?.accessToken?.revealed == Sample.accessToken)
    #expect(token?.clientSecret?.revealed == Sample.clientSecret)
    #expect(token?.apiPath == .store(hash: "abc123"))
  }

  @Test func importNamesAndRefusesDuplicates() async {
    let t = TestShell()
    t.write("a.txt", CredentialsFileTests.newer)
    #expect(await t.run("token import a.txt") == .success)
    #expect(await t.run("token import a.txt") == .commandFailed)
    #expect(
      t.output.error.contains("'migration-2026' already has an access token; the file would replace it"))
    #expect(t.output.errorCodes.last == .alreadyExists)
    #expect(await t.run("token import a.txt --name second-copy") == .success)
    #expect(t.state.session.tokens.map(\.name) == ["migration-2026", "second-copy"])
    t.write("bad.txt", "ACCESS TOKEN: \(Sample.accessToken)\nAPI PATH: https://example.com\n")
    #expect(await t.run("token import bad.txt") == .commandFailed)
    #expect(t.output.error.contains("bad.txt:2:1: error: the file's API PATH is not valid"))
    #expect(t.output.errorCodes.last == .invalidValue)
    t.write("short.txt", "ACCESS TOKEN: \(Sample.accessToken)\nCLIENT NAME: ab\nAPI PATH: abc123\n")
    #expect(await t.run("token import short.txt") == .commandFailed)
    #expect(t.output.error.contains("short.txt:2:1: error: token name 'ab' is too short"))
    #expect(t.output.error.contains("hint: give it another name: token import FILE --name NAME"))
    #expect(t.output.errorCodes.last == .invalidValue)
  }

  @Test func tokenSetReadsEnvFileAndStdin() async {
    let t = TestShell(environment: ["BC_TOKEN": Sample.accessToken])
    await t.run("token new abcd")
    #expect(await t.run("token set access-token --env BC_TOKEN") == .success)
    #expect(t.state.session.current?.accessToken?.revealed == Sample.accessToken)
    t.write("secret.txt", Sample.clientSecret + "\n")
    #expect(await t.run("token set client-secret --file secret.txt") == .success)
    #expect(t.state.session.current?.clientSecret?.revealed == Sample.clientSecret)
    #expect(await t.run("token set client-id --stdin") == .commandFailed)
    #expect(t.output.errorCodes.last == .fileSystem)
    t.shell.environment.ports.standardInput = { Sample.clientID + "\n" }
    #expect(await t.run("token set client-id --stdin") == .success)
    #expect(t.state.session.current?.clientID == Sample.clientID)
    #expect(await t.run("token set access-token") == .commandFailed)
    #expect(t.output.errorCodes.last == .terminal)
    #expect(t.output.error.contains("--stdin, --env VAR or --file PATH"))
    #expect(await t.run("token set access-token a b") == .commandFailed)
    #expect(await t.run("token set access-token x --env BC_TOKEN") == .commandFailed)
  }

  @Test func formatWarningsCatchSwappedCredentials() async {
    let t = TestShell()
    await t.run("token new abcd; token set access-token \(Sample.clientSecret)")
    #expect(t.output.error.contains("this looks like a client secret"))
  }

  @Test func secretsNeverReachOutputUnlessRevealed() async {
    let t = TestShell()
    await t.run(
      "token new abcd; path set abc123; token set access-token \(Sample.accessToken)\n"
        + "token set client-secret \(Sample.clientSecret)\ntoken show; token list; status; echo \(Sample.accessToken)\n"
        + "scope add \(Sample.accessToken)")
    let everything = t.output.output + t.output.error
    #expect(!everything.contains(Sample.accessToken))
    #expect(!everything.contains(Sample.clientSecret))
    #expect(everything.contains("****" + Sample.accessToken.suffix(4)))
    await t.run("token show --reveal")
    #expect(t.output.output.contains(Sample.accessToken))
    #expect(t.output.output.contains(Sample.clientSecret))
  }

  @Test func jsonOutputIsStable() async {
    let t = TestShell(json: true)
    await t.run(
      "token new abcd; scope add products=read-only; path set abc123; token set access-token \(Sample.accessToken)"
    )
    await t.run("token show")
    Golden.check(t.output.output, "token-show.json")
    #expect(!t.output.output.contains(Sample.accessToken))
  }

  @Test func historyFilterKnowsSecretLines() async {
    let t = TestShell()
    await t.run("token new abcd; token set access-token \(Sample.accessToken)")
    let shell = t.shell
    #expect(shell.isSensitive(line: "token set access-token abcdefgh12345678"))
    #expect(shell.isSensitive(line: "token set client-secret xyz"))
    #expect(shell.isSensitive(line: "token set --file x client-secret xyz"))
    // A leading space keeps a line out of the history by HistoryPolicy's rule, not as a secret.
    #expect(!shell.isSensitive(line: " scope add products"))
    #expect(shell.isSensitive(line: "echo \(Sample.accessToken)"))
    #expect(shell.isSensitive(line: "token new x; token set access-token 'unterminated"))
    #expect(!shell.isSensitive(line: "token set client-id abc"))
    #expect(!shell.isSensitive(line: "token set access-token --env TOKEN"))
    #expect(!shell.isSensitive(line: "token set access-token $TOKEN"))
    #expect(!shell.isSensitive(line: "scope add products"))
  }

  @Test func sourceRunsRelativeToTheScriptAndRefusesCycles() async throws {
    let t = TestShell()
    try FileManager.default.createDirectory(atPath: t.path("lib"), withIntermediateDirectories: true)
    t.write("lib/common.bcsh", "scope add products\nsource more.bcsh\n")
    t.write("lib/more.bcsh", "scope add orders\n")
    #expect(await t.run("token new abcd; source lib/common.bcsh") == .success)
    #expect(t.state.session.current?.grants.map(\.scopeID) == ["orders", "products"])
    t.write("lib/loop.bcsh", "echo in-loop\nsource loop.bcsh\n")
    #expect(await t.run("source lib/loop.bcsh") == .commandFailed)
    #expect(t.output.error.contains("lib/loop.bcsh:2:8: error: 'loop.bcsh' is already being run"))
    #expect(t.output.errorCodes.last == .usage)
  }

  @Test func variablesAndEcho() async {
    let t = TestShell(environment: ["FROM_ENV": "env-value"])
    await t.run("set STORE abc123; echo \"$STORE ${FROM_ENV}\"; unset STORE; echo ${STORE:-gone}")
    #expect(t.output.output == "abc123 env-value\ngone\n")
    #expect(await t.run("set 1X y") == .commandFailed)
    #expect(await t.run("set X") == .commandFailed)
  }

  @Test func pathSetChecksTheKind() async {
    let t = TestShell()
    await t.run("token new acct --account")
    #expect(await t.run("path set abc123") == .commandFailed)
    #expect(t.output.errorCodes.last == .invalidValue)
    #expect(await t.run("path set 3c3c6d21-4f0e-4d62-9b36-5ef0a3f1a1b2") == .success)
    #expect(await t.run("scope preset catalyst") == .commandFailed)
    #expect(await t.run("scope add account-users=read-only apps") == .success)
  }

  @Test func closedSetsAreCheckedBeforeAnyHandlerRuns() async {
    let t = TestShell()
    #expect(await t.run("save x.json --format yaml") == .commandFailed)
    #expect(
      t.output.error.contains("test.bcsh:1:22: error: unknown format 'yaml'\nhint: one of: session, txt, env")
    )
    #expect(await t.run("verify --scopes al") == .commandFailed)
    #expect(t.output.error.contains("error: unknown scope selection 'al'\nhint: did you mean 'all'?"))
    #expect(await t.run("scope preset zzzzzzzz") == .commandFailed)
    #expect(t.output.error.contains("hint: one of: migration-to, migration-from, catalyst"))
    #expect(t.output.errorCodes == [.unknownName, .unknownName, .unknownName])
    #expect(!FileManager.default.fileExists(atPath: t.path("x.json")))
  }

  @Test func exitStopsAScript() async {
    let t = TestShell()
    #expect(await t.run("echo a; exit 1; echo b") == .verifyProblem)
    #expect(t.output.output == "a\n")
  }
}
