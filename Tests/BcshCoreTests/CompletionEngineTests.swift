import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
import Testing

/// Commands, subcommands, options and the small value sets, all read from the command table.
@Suite struct CompletionEngineTests {
  @Test func emptyLineOffersEveryCommandWordInHelpOrder() async {
    let harness = await CompletionHarness()
    let result = harness.complete("")
    #expect(result.candidates.map(\.insertion) == CommandTable.topLevelWords)
    #expect(result.replaceStart == 0 && result.replaceEnd == 0)
  }

  @Test func oneMatchingCommandAppendsASpaceAndListsSubcommands() async {
    let harness = await CompletionHarness()
    let result = harness.complete("to")
    #expect(result.candidates.map(\.insertion) == ["token"])
    #expect(result.candidates.first?.appendsSpace == true)
    #expect(result.candidates.first?.detail?.hasPrefix("subcommands: new, list, use") == true)
    #expect(harness.tab("to") == "token ")
  }

  @Test func severalMatchingCommandsAreAllOffered() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("s") == ["scope", "save", "sandbox", "status", "set", "source"])
    #expect(harness.tab("s") == "s")
  }

  @Test func plainCommandCarriesItsSummary() async {
    let harness = await CompletionHarness()
    let candidate = harness.complete("veri").candidates.first
    #expect(candidate?.insertion == "verify")
    #expect(candidate?.detail == CommandTable.spec(named: ["verify"])?.summary)
  }

  @Test func commandWordsMatchIgnoringCase() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("TOK") == ["token"])
  }

  @Test func subcommandsOfAGroup() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("token ") == CommandTable.subcommands(of: "token").map { $0.words[1] })
    #expect(harness.insertions("token s") == ["show", "set"])
    let new = harness.complete("token n").candidates
    #expect(new.map(\.insertion) == ["new"])
    #expect(new.first?.detail == CommandTable.spec(named: ["token", "new"])?.summary)
  }

  @Test func unknownCommandsAndWordsGiveNothing() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("xyz").isEmpty)
    #expect(harness.insertions("frobnicate ").isEmpty)
    #expect(harness.insertions("token frob ").isEmpty)
    #expect(harness.insertions("path set ").isEmpty)
    #expect(harness.tab("xyz") == "xyz")
  }

  @Test func optionsOfTheMatchedCommand() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("scope list -") == ["--all"])
    #expect(harness.insertions("save --") == ["--format", "--force", "--keyring"])
    let format = harness.complete("save --fo").candidates
    #expect(format.map(\.insertion) == ["--format", "--force"])
    #expect(format.first?.detail?.contains("session (default), txt or env") == true)
  }

  @Test func anOptionIsNotOfferedTwice() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("save --force --f") == ["--format"])
    #expect(harness.insertions("save --format txt --") == ["--force", "--keyring"])
    #expect(harness.insertions("save --format=env --") == ["--force", "--keyring"])
    #expect(harness.insertions("save --keyring --f") == ["--format", "--force"])
    #expect(harness.insertions("token show --reveal --").isEmpty)
  }

  @Test func optionsComeNextWhenNoArgumentIsLeft() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("scope list ") == ["--all"])
    #expect(harness.insertions("token new migration ") == ["--account"])
    // After `--` options end.
    #expect(harness.insertions("save -- --").isEmpty)
  }

  @Test func saveFormatAfterFormat() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("save --format ") == ["session", "txt", "env"])
    #expect(harness.tab("save --format t") == "save --format txt ")
    #expect(harness.tab("save --format=e") == "save --format=env ")
    #expect(harness.insertions("save --format x").isEmpty)
  }

  @Test func scopeSelectionAfterScopes() async {
    let harness = await CompletionHarness()
    let result = harness.complete("verify --scopes ")
    #expect(result.candidates.map(\.insertion) == ["declared", "all", "none"])
    #expect(result.candidates.allSatisfy { $0.detail != nil })
    #expect(harness.insertions("verify --timeout ").isEmpty)
  }

  @Test func presetsByName() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("scope preset ") == Preset.all.map(\.name))
    let migration = harness.complete("scope preset mig").candidates
    #expect(migration.map(\.insertion) == ["migration-to", "migration-from"])
    #expect(migration.first?.detail == Preset.named("migration-to")?.summary)
    #expect(harness.complete("scope preset mig").commonPrefix == "migration-")
    // catalyst and catalyst-deploy: Tab completes their common part.
    #expect(harness.tab("scope preset cat") == "scope preset catalyst")
  }

  @Test func tokenNamesFromTheSession() async {
    let harness = await CompletionHarness("token new audit-ro; token new migration --account")
    #expect(harness.insertions("token use ") == ["audit-ro", "migration"])
    let audit = harness.complete("token use au").candidates
    #expect(audit.map(\.insertion) == ["audit-ro"])
    #expect(audit.first?.detail == "store-level")
    #expect(harness.complete("verify mi").candidates.first?.detail == "account-level, current")
    #expect(harness.insertions("token rename audit-ro ").isEmpty)
    #expect(harness.insertions("token use zz").isEmpty)
  }

  @Test func credentialFields() async {
    let harness = await CompletionHarness("token new audit-ro")
    #expect(harness.insertions("token set ") == ["access-token", "client-id", "client-secret"])
    #expect(harness.insertions("token set client-") == ["client-id", "client-secret"])
    #expect(harness.complete("token set acc").candidates.first?.detail == "ACCESS TOKEN, secret")
    // VALUE is free text: the options are what Tab can offer.
    #expect(harness.insertions("token set client-id ") == ["--env", "--file", "--stdin"])
  }

  @Test func variableNamesForSetUnsetAndEnv() async {
    let harness = await CompletionHarness(
      "set STORE abc123; set STAGE test", environment: ["STRIPE": "x", "HOME": "/root", "lower-case": "y"])
    let result = harness.complete("token set access-token --env ST")
    #expect(result.candidates.map(\.insertion) == ["STAGE", "STORE", "STRIPE"])
    #expect(
      result.candidates.map(\.detail) == ["session variable", "session variable", "environment variable"])
    #expect(harness.insertions("unset STO") == ["STORE"])
    #expect(harness.insertions("set ").contains("HOME"))
    #expect(!harness.insertions("set ").contains("lower-case"))
  }

  @Test func helpCompletesCommandsThenSubcommands() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("help ") == CommandTable.topLevelWords)
    #expect(harness.insertions("help sc") == ["scope"])
    #expect(harness.insertions("help scope ") == CommandTable.subcommands(of: "scope").map { $0.words[1] })
    #expect(harness.insertions("help scope add ").isEmpty)
    #expect(harness.insertions("help verify ").isEmpty)
  }
}
