import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// `token import` fills the token prepared for the file: its declared scopes and path stay.
@Suite struct ImportTests {
  /// The control panel's file for an account named `name` on store `hash`.
  private func file(name: String = "cart-migration", hash: String = "abc123") -> String {
    """
    ACCESS TOKEN: \(Sample.accessToken)
    CLIENT NAME: \(name)
    API PATH: https://api.bigcommerce.com/stores/\(hash)/v3/
    CLIENT ID: \(Sample.clientID)
    CLIENT SECRET: \(Sample.clientSecret)

    """
  }

  private let prepare = "token new cart-migration; scope preset migration-to; path set abc123"

  @Test func importFillsThePreparedTokenOfTheFilesName() async {
    let t = TestShell()
    t.write("creds.txt", file())
    #expect(await t.run(prepare) == .success)
    #expect(await t.run("token new other-token; token import creds.txt") == .success)
    #expect(t.state.session.tokens.map(\.name) == ["cart-migration", "other-token"])
    let token = t.state.session.current
    #expect(token?.name == "cart-migration")
    #expect(token?.grants == Preset.named("migration-to")!.grants)
    #expect(token?.accessToken?.revealed == Sample.accessToken)
    #expect(token?.clientID == Sample.clientID)
    #expect(token?.clientSecret?.revealed == Sample.clientSecret)
    #expect(token?.apiPath == .store(hash: "abc123"))
    #expect(
      t.output.output.contains(
        "filled the credentials of 'cart-migration' for https://api.bigcommerce.com/stores/abc123/v3/ "
          + "(8 declared scopes kept)"))
  }

  @Test func aPreparedTokenWithoutAPathTakesTheFilesPath() async {
    let t = TestShell()
    t.write("creds.txt", file())
    #expect(await t.run("token new cart-migration; scope add products; token import creds.txt") == .success)
    #expect(t.state.session.current?.apiPath == .store(hash: "abc123"))
    #expect(t.state.session.current?.grants == [ScopeGrant(scopeID: "products", level: .modify)])
  }

  /// Issue 21, item 4: the control panel's CLIENT NAME keeps the case and spaces it was typed with.
  @Test func aClientNameMatchesAsTheControlPanelComparesNames() async {
    let t = TestShell()
    t.write("Cart Migration.txt", file(name: "Cart Migration"))
    #expect(await t.run(prepare + "; token import 'Cart Migration.txt'") == .success, "\(t.output.error)")
    #expect(t.state.session.tokens.map(\.name) == ["cart-migration"])
    #expect(t.state.session.current?.accessToken?.revealed == Sample.accessToken)
    #expect(t.state.session.current?.grants.count == 8)
    #expect(t.output.output.contains("the file's CLIENT NAME 'Cart Migration' is 'cart-migration'"))
  }

  @Test func theOneTokenOfTheStoreWaitingForCredentialsIsFilled() async {
    let t = TestShell()
    t.write("creds.txt", file(name: "Store API account 7"))
    let setup =
      prepare
      + "; token new filled-one; path set abc123; token set access-token x1x1x1x1x1x1x1x1x1x1x1x1x1x1x1x; token use cart-migration"
    #expect(await t.run(setup) == .success)
    #expect(await t.run("token import creds.txt") == .success, "\(t.output.error)")
    #expect(t.state.session.tokens.map(\.name) == ["cart-migration", "filled-one"])
    #expect(t.state.session.token(named: "cart-migration")?.accessToken?.revealed == Sample.accessToken)
    #expect(
      t.output.output.contains(
        "the file's CLIENT NAME 'Store API account 7' names no token; 'cart-migration' is the one token of "
          + "store 'abc123' waiting for credentials"))
  }

  @Test func severalWaitingTokensAreNamedWithInto() async {
    let t = TestShell()
    t.write("creds.txt", file(name: "Store API account 7"))
    #expect(await t.run(prepare + "; token new second-one; path set abc123") == .success)
    let before = t.state
    #expect(await t.run("token import creds.txt") == .commandFailed)
    #expect(
      t.output.error.contains(
        "test.bcsh:1:14: error: the file's CLIENT NAME 'Store API account 7' names no token, and 2 tokens of "
          + "store 'abc123' wait for credentials: 'cart-migration', 'second-one'"))
    #expect(t.output.error.contains("hint: 'token import FILE --into NAME' fills one of them"))
    #expect(t.state == before)
  }

  @Test func intoFillsAnyNamedToken() async {
    let t = TestShell()
    t.write("creds.txt", file(name: "what-the-panel-said"))
    #expect(await t.run(prepare + "; token import creds.txt --into cart-migration") == .success)
    #expect(t.state.session.tokens.count == 1)
    #expect(t.state.session.current?.accessToken?.revealed == Sample.accessToken)
    #expect(t.state.session.current?.grants.count == 8)
    // --into replaces credentials it already has, and says so.
    #expect(await t.run("token import creds.txt --into cart-migration") == .success)
    #expect(t.output.output.contains("replaced the credentials of 'cart-migration'"))
  }

  @Test func nameStillMakesANewToken() async {
    let t = TestShell()
    t.write("creds.txt", file())
    #expect(await t.run(prepare + "; token import creds.txt --name cart-migration-live") == .success)
    #expect(t.state.session.tokens.map(\.name) == ["cart-migration", "cart-migration-live"])
    #expect(t.state.session.token(named: "cart-migration")?.accessToken == nil)
    #expect(t.state.session.current?.grants.isEmpty == true)
  }

  @Test func anotherStoreInTheFileIsAnErrorNamingBoth() async {
    let t = TestShell()
    t.write("creds.txt", file(hash: "zzz999"))
    #expect(await t.run(prepare) == .success)
    let before = t.state
    #expect(await t.run("token import creds.txt") == .commandFailed)
    #expect(
      t.output.error.contains(
        "creds.txt:3:1: error: the file is for store 'zzz999', but 'cart-migration' is set up for store 'abc123'"
      ))
    // Issue 21, item 13: the hint reads to its end.
    #expect(
      t.output.error.contains(
        "hint: check that you downloaded the file from the right store; 'path set' changes the store "
          + "'cart-migration' is set up for\n"))
    #expect(t.state == before)
  }

  @Test func theKindMustMatch() async {
    let t = TestShell()
    t.write("creds.txt", file())
    #expect(
      await t.run("token new acct-admin --account; token import creds.txt --into acct-admin")
        == .commandFailed)
    #expect(
      t.output.error.contains(
        "error: 'acct-admin' is an account-level token, but the file is for a store-level API account"))
    #expect(t.state.session.current?.accessToken == nil)
  }

  @Test func intoAndNameTogetherAreRefused() async {
    let t = TestShell()
    t.write("creds.txt", file())
    #expect(await t.run(prepare) == .success)
    #expect(await t.run("token import creds.txt --into cart-migration --name other-name") == .commandFailed)
    #expect(t.output.errorCodes.last == .usage)
    #expect(await t.run("token import creds.txt --into nope-nope") == .commandFailed)
    #expect(t.output.error.contains("test.bcsh:1:31: error: no token named 'nope-nope'"))
    #expect(t.output.errorCodes.last == .unknownName)
  }

  @Test func theChecklistEndsWithTheExactImportCommand() async {
    let t = TestShell()
    #expect(await t.run(prepare + "; token checklist") == .success)
    #expect(t.output.output.contains("token import PATH/TO/DOWNLOADED.txt --into cart-migration"))
    #expect(t.output.output.contains("verify cart-migration"))
    #expect(t.output.output.contains("webhooks and scripts belong to the account that created them"))
    #expect(
      t.output.output.contains(
        "metafields another account created need Metafields Access at full, or Metafield Ownership"))
    #expect(t.output.output.contains("Metafields Access has no None: leave it at standard"))
  }

  @Test func stencilPresetsNameTheStencilTokenType() async {
    let t = TestShell()
    #expect(await t.run("token new theme-work; scope preset stencil-publish; token checklist") == .success)
    #expect(
      t.output.output.contains(
        "Token type: choose \"Create Stencil-CLI token\" in the Create API Account drop-down and set its access "
      ))
    #expect(t.output.output.contains("level to \"publish theme\""))
    #expect(t.output.output.contains("\"local development only\""))
    // The docs describe no V2/V3 stand-in for the Stencil-CLI token, and its scopes are set for it.
    #expect(!t.output.output.contains("V2/V3"))
    #expect(t.output.output.contains("OAuth scopes: none to set"))
    #expect(
      t.state.session.current?.grants.map(\.scopeID)
        == ["information-settings", "themes", "sites-routes", "channel-settings"])
    #expect(t.state.session.current?.level(of: "themes") == .modify)
  }

  /// hosted-auth.mdx: B2B Edition is set to modify.
  @Test func theChecklistOffersB2BEditionAtModify() async {
    let t = TestShell()
    #expect(await t.run("token new b2b-work; scope add b2b; token checklist") == .success)
    #expect(t.output.output.contains(/B2B Edition +modify/))
    #expect(t.state.session.current?.level(of: "b2b-edition") == .modify)
  }

  /// create-catalyst's scopes, Sites & Routes and Carts among them; the CLI's deploys are apart.
  @Test func theCatalystPresetsFollowCreateCatalystAndTheCLI() async {
    let t = TestShell()
    #expect(await t.run("token new storefront-app; scope preset catalyst") == .success)
    let grants = Set(t.state.session.current?.grants.map { "\($0.scopeID)=\($0.level)" } ?? [])
    #expect(
      grants == [
        "channel-settings=modify", "sites-routes=modify", "storefront-api-tokens=manage", "content=modify",
        "information-settings=modify", "products=modify", "carts=modify",
      ])
    #expect(
      Preset.named("catalyst-deploy")?.grants.map(\.scopeID).allSatisfy { $0.hasPrefix("infrastructure-") }
        == true)
    #expect(Preset.named("catalyst")?.source.contains("canary") == true)
    #expect(Preset.named("stencil-dev")?.source.contains("branch master") == true)
  }
}
