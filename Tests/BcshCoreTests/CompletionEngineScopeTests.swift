import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
import Testing

/// Scope names, levels and declared scopes, for store and account tokens.
@Suite struct CompletionEngineScopeTests {
  @Test func everyStoreScopeForAnEmptyWord() async {
    let harness = await CompletionHarness("token new abcd")
    #expect(harness.insertions("scope add ") == ScopeCatalog.scopes(for: .store).map(\.id))
  }

  @Test func oneScopeByPrefixWithItsUINameAndLevels() async {
    let harness = await CompletionHarness("token new abcd")
    let result = harness.complete("scope add prod")
    #expect(result.candidates.map(\.insertion) == ["products"])
    #expect(result.candidates.first?.detail == "Products · read-only, modify")
    #expect(harness.tab("scope add prod") == "scope add products ")
  }

  @Test func storeScopesWithoutACurrentToken() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("scope add prod") == ["products"])
  }

  @Test func levelsAfterEquals() async {
    let harness = await CompletionHarness("token new abcd")
    let result = harness.complete("scope add products=")
    #expect(result.candidates.map(\.insertion) == ["products=read-only", "products=modify"])
    #expect(result.candidates.first?.detail == "Products · store_v2_products_read_only")
    #expect(harness.tab("scope add products=m") == "scope add products=modify ")
    #expect(harness.insertions("scope add products=x").isEmpty)
    #expect(harness.insertions("scope add nonsense=").isEmpty)
  }

  @Test func aWholeScopeNameGoesOnToItsLevels() async {
    let harness = await CompletionHarness("token new abcd")
    let result = harness.complete("scope add products")
    #expect(result.candidates.map(\.insertion) == ["products="])
    #expect(result.candidates.first?.appendsSpace == false)
    #expect(harness.tab("scope add products") == "scope add products=")
    // One level only: the name is the whole grant.
    #expect(harness.tab("scope add customers-login") == "scope add customers-login ")
    // Another scope starts the same way: both are listed.
    #expect(harness.insertions("scope add customers") == ["customers", "customers-login"])
  }

  @Test func uiNamesInAnyCase() async {
    let harness = await CompletionHarness("token new abcd")
    #expect(harness.insertions("scope add info") == ["information-settings"])
    #expect(harness.insertions("scope add INFO") == ["information-settings"])
    #expect(harness.insertions("scope add Sites") == ["sites-routes"])
    #expect(harness.insertions("scope add information_set") == ["information-settings"])
  }

  @Test func aQuotedWordGetsTheUINameQuoted() async {
    let harness = await CompletionHarness("token new abcd")
    let double = harness.complete("scope add \"Info").candidates
    #expect(double.map(\.insertion) == ["\"Information & Settings\""])
    #expect(double.first?.display == "Information & Settings")
    #expect(harness.tab("scope add \"Info") == "scope add \"Information & Settings\" ")
    #expect(harness.insertions("scope add 'sites") == ["'Sites & Routes'"])
    #expect(harness.insertions("scope add Information\\ &") == ["Information\\ &\\ Settings"])
  }

  @Test func aWholeQuotedNameGoesOnToLevelsInsideTheQuote() async {
    let harness = await CompletionHarness("token new abcd")
    let result = harness.complete("scope add \"Information & Settings")
    #expect(result.candidates.map(\.insertion) == ["\"Information & Settings="])
    #expect(result.candidates.first?.appendsSpace == false)
    #expect(
      harness.insertions("scope add \"Information & Settings=r")
        == ["\"Information & Settings=read-only\""])
  }

  @Test func aliasesAndTokenStrings() async {
    let harness = await CompletionHarness("token new abcd")
    let catalog = harness.complete("scope add catal").candidates
    #expect(catalog.map(\.insertion) == ["catalog"])
    #expect(catalog.first?.detail == "Products · read-only, modify")
    #expect(
      harness.insertions("scope add store_v2_prod") == ["store_v2_products_read_only", "store_v2_products"])
    #expect(harness.insertions("scope add store_v2_products=") == ["store_v2_products=modify"])
  }

  @Test func accountTokensGetAccountScopes() async {
    let harness = await CompletionHarness("token new acct --account")
    #expect(harness.insertions("scope add ") == ScopeCatalog.scopes(for: .account).map(\.id))
    #expect(harness.insertions("scope add users=") == ["users=read-only", "users=write", "users=delete"])
    #expect(harness.insertions("scope add prod").isEmpty)
  }

  @Test func scopesNamedEarlierAreNotOfferedAgain() async {
    let harness = await CompletionHarness("token new abcd")
    #expect(harness.insertions("scope add products pro").isEmpty)
    #expect(harness.insertions("scope add products=read-only pro").isEmpty)
    #expect(harness.insertions("scope add store_v2_products pro").isEmpty)
    #expect(harness.insertions("scope add orders ord") == ["order-transactions", "order-fulfillment"])
  }

  @Test func declaredScopesForRemoval() async {
    let harness = await CompletionHarness("token new abcd; scope add products marketing=read-only")
    let result = harness.complete("scope rm ")
    #expect(result.candidates.map(\.insertion) == ["marketing", "products"])
    #expect(result.candidates.first?.detail == "Marketing · declared read-only")
    #expect(harness.insertions("scope rm marketing ") == ["products"])
    #expect(harness.insertions("scope rm o").isEmpty)
  }

  @Test func noDeclaredScopesWithoutAToken() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("scope rm ").isEmpty)
  }
}
