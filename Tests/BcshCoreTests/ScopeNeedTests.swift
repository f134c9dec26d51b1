import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// `scope need`: the least set with levels, each request with what covers it, and errors at their
/// place (file:line:col for --file).
@Suite struct ScopeNeedTests {
  @Test func theIssueExampleNeedsProductsReadOnlyOrdersModifyAndNothingForWebhooks() async {
    let t = TestShell()
    let status = await t.run("scope need GET /v3/catalog/products/77/images POST /v2/orders GET /v3/hooks")
    #expect(status == .success)
    let out = t.output.output
    #expect(
      out == """
        REQUEST                             SCOPE                            LEVEL      ENDPOINT
        GET /v3/catalog/products/77/images  Products                         read-only  /v3/catalog/products/{product_id}/images
        POST /v2/orders                     Orders                           modify     /v2/orders
        GET /v3/hooks                       - (webhooks: the default scope)  -          /v3/hooks
        needs: orders=modify products=read-only
        to declare them: scope add orders=modify products=read-only

        """)
  }

  /// Issue 21, item 5: a scope the token holds at a higher level is covered, not suggested lower.
  @Test func aScopeTheTokenHoldsHigherIsCoveredNotSuggestedLower() async {
    let t = TestShell()
    #expect(await t.run("token new abcd; scope add products=modify") == .success)
    #expect(await t.run("scope need GET /v3/catalog/products POST /v2/orders") == .success)
    #expect(t.output.output.contains("products=read-only is already covered by products=modify\n"))
    #expect(t.output.output.contains("to declare the rest: scope add orders=modify\n"))
    #expect(!t.output.output.contains("scope add orders=modify products=read-only"))
    #expect(await t.run("scope need GET /v3/catalog/products") == .success)
    #expect(!t.output.output.contains("scope add products"))
  }

  @Test func scopeAddSaysWhatLevelItReplaced() async {
    let t = TestShell()
    #expect(await t.run("token new abcd; scope add products=modify") == .success)
    #expect(await t.run("scope add products=read-only orders") == .success)
    #expect(t.output.output.contains("'abcd' declares products=read-only (was modify), orders=modify\n"))
    #expect(t.state.session.current?.level(of: "products") == .readOnly)
  }

  @Test func theLeastSetTakesTheHighestLevelEachScopeNeeds() throws {
    let need = try ScopeNeed.resolve([
      APIRequest(method: .get, path: "/v3/catalog/products"),
      APIRequest(method: .put, path: "/v3/catalog/products/1"),
      APIRequest(method: .get, path: "/v3/catalog/brands"),
    ])
    #expect(need.grants == [ScopeGrant(scopeID: "products", level: .modify)])
  }

  @Test func anAmbiguousRequestTakesAScopeTheSetOrTheTokenAlreadyHas() throws {
    let alone = try ScopeNeed.resolve([APIRequest(method: .post, path: "/v3/channels")])
    #expect(alone.grants.isEmpty)
    #expect(
      alone.openChoices.first?.map(\.scopeID).sorted() == [
        "channel-listings", "channel-settings", "sites-routes",
      ])
    let withSites = try ScopeNeed.resolve([
      APIRequest(method: .post, path: "/v3/channels"), APIRequest(method: .get, path: "/v3/sites"),
    ])
    #expect(withSites.openChoices.isEmpty)
    #expect(withSites.grants == [ScopeGrant(scopeID: "sites-routes", level: .modify)])
    #expect(withSites.lines[0].isChosen)
    #expect(withSites.lines[1].covering == ScopeGrant(scopeID: "sites-routes", level: .readOnly))
    let declared = try ScopeNeed.resolve(
      [APIRequest(method: .post, path: "/v3/channels")],
      declared: [ScopeGrant(scopeID: "channel-settings", level: .modify)])
    #expect(declared.grants == [ScopeGrant(scopeID: "channel-settings", level: .modify)])
  }

  @Test func anUnknownEndpointIsAnErrorWithItsPlaceAndADidYouMean() async {
    let t = TestShell()
    #expect(await t.run("scope need GET /v3/catalog/prodcts/77/images") == .commandFailed)
    #expect(
      t.output.error
        == "test.bcsh:1:12: error: no BigCommerce endpoint matches 'GET /v3/catalog/prodcts/77/images'\n"
        + "hint: did you mean 'GET /v3/catalog/products/{product_id}/images'?\n")
    let noVersion = TestShell()
    await noVersion.run("scope need GET /catalog/products")
    #expect(noVersion.output.error.contains("hint: did you mean 'GET /v3/catalog/products'?"))
    let wrongMethod = TestShell()
    await wrongMethod.run("scope need PATCH /v3/hooks")
    #expect(wrongMethod.output.error.contains("error: no BigCommerce endpoint takes 'PATCH /v3/hooks'"))
    #expect(wrongMethod.output.error.contains("hint: '/v3/hooks' takes GET, POST"))
    let far = TestShell()
    await far.run("scope need GET /v3/zzzz/qqqq")
    #expect(far.output.error.contains("hint: paths start with /v2/ or /v3/"))
    for shell in [t, noVersion, wrongMethod, far] { #expect(shell.output.errorCodes == [.unknownName]) }
  }

  @Test func aFileOfRequestLinesURLsAndAccessLogLines() async {
    let t = TestShell()
    t.write(
      "calls.txt",
      """
      # what the integration sends
      GET /v3/catalog/products?limit=250
      post https://api.bigcommerce.com/stores/abc123/v2/orders?x=1

      127.0.0.1 - - [01/Dec/2026:10:00:00 +0000] "GET /stores/abc123/v2/customers/5 HTTP/1.1" 200 812
      """)
    #expect(await t.run("scope need --file calls.txt") == .success)
    #expect(t.output.output.contains("needs: customers=read-only orders=modify products=read-only\n"))
  }

  @Test func anUnknownRequestInAFileIsPlacedAtFileLineColumn() async {
    let t = TestShell()
    t.write("calls.txt", "GET /v3/catalog/products\n  DELETE /v3/hookz/5\n")
    #expect(await t.run("scope need --file calls.txt") == .commandFailed)
    #expect(
      t.output.error.hasPrefix("calls.txt:2:3: error: no BigCommerce endpoint matches 'DELETE /v3/hookz/5'\n")
    )
    #expect(t.output.error.contains("hint: did you mean 'DELETE /v3/hooks/{webhook_id}'?"))
    let garbage = TestShell()
    garbage.write("calls.txt", "hello world\n")
    await garbage.run("scope need --file calls.txt")
    #expect(garbage.output.error.hasPrefix("calls.txt:1:1: error: no request in 'hello world'\n"))
    #expect(t.output.errorCodes == [.unknownName] && garbage.output.errorCodes == [.invalidFile])
  }

  @Test func aHARFileSkipsWhatIsNotTheStoreAPI() async {
    let t = TestShell()
    t.write(
      "session.har",
      """
      {"log": {"version": "1.2", "entries": [
        {"request": {"method": "GET", "url": "https://api.bigcommerce.com/stores/abc/v3/catalog/categories?page=1"}},
        {"request": {"method": "GET", "url": "https://cdn.example.com/app.js"}},
        {"request": {"method": "GET", "url": "https://api.bigcommerce.com/stores/abc/v3/customers?id:in=4"}}
      ]}}
      """)
    #expect(await t.run("scope need --file session.har") == .success)
    #expect(t.output.output.contains("needs: customers=read-only products=read-only\n"))
    #expect(t.output.error.contains("skipped 1 HAR entry, not store API requests"))
    // Saved on Windows, a HAR file's CRLF ends a line as LF does.
    for lineEnd in ["\n", "\r\n"] {
      let bad = TestShell()
      bad.write(
        "session.har",
        "{\"log\": {\"entries\": [" + lineEnd
          + "{\"request\": {\"method\": \"GET\", \"url\": \"https://api.bigcommerce.com/stores/abc/v3/nope\"}}]}}"
      )
      await bad.run("scope need --file session.har")
      #expect(
        bad.output.error.hasPrefix("session.har:2:39: error: no BigCommerce endpoint matches 'GET /v3/nope'"))
    }
  }

  @Test func addDeclaresTheResultWithoutLoweringALevel() async {
    let t = TestShell()
    await t.run("token new abcd; scope add products=modify")
    #expect(await t.run("scope need GET /v3/catalog/products POST /v2/orders --add") == .success)
    #expect(
      t.state.session.current?.grants
        == [ScopeGrant(scopeID: "orders", level: .modify), ScopeGrant(scopeID: "products", level: .modify)])
  }

  @Test func aFailedAddChangesNothing() async {
    let t = TestShell()
    await t.run("token new abcd; scope add products")
    let before = t.state
    for bad in [
      "scope need GET /v3/nope --add", "scope need POST /v3/channels --add", "scope need GET --add",
      "scope need --add", "scope need --file missing.txt --add", "scope need /v3/hooks GET --add",
    ] {
      #expect(await t.run(bad) == .commandFailed, "\(bad)")
      #expect(t.state == before, "\(bad) changed the session")
    }
    let account = TestShell()
    await account.run("token new acct-admin --account")
    #expect(await account.run("scope need GET /v3/hooks --add") == .commandFailed)
  }

  /// The answers the facts issue names, each from the reference's own words (docs/bigcommerce.md,
  /// "Which scopes a request needs: the endpoint table").
  @Test func theReferencesOwnWordsGiveEachAnswer() async {
    let cases: [(String, String)] = [
      ("GET /v3/store/systemlogs", "store-logs=read-only"),
      ("POST /v3/carts", "carts=modify"),
      ("GET /v3/settings/analytics", "content=read-only"),
      (
        "POST /v3/storefront/api-token-customer-impersonation",
        "storefront-api-customer-impersonation-tokens=manage"
      ),
      ("POST /v3/storefront/api-token", "storefront-api-tokens=manage"),
      ("POST /v3/storefront/api-token-private", "storefront-api-tokens=manage"),
      ("GET /v3/content/page-widgets", "content=read-only"),
      ("POST /v3/pricing/products", "products=read-only"),
      ("GET /v3/themes", "themes=read-only"),
    ]
    for (request, answer) in cases {
      let t = TestShell()
      #expect(await t.run("scope need \(request)") == .success, "\(request)")
      #expect(t.output.output.contains("needs: \(answer)\n"), "\(request): \(t.output.output)")
    }
  }
}
