import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// `scope info`: every spelling `scope add` takes, of either kind, plus the implicit default scope.
@Suite struct ScopeInfoTests {
  private func info(_ name: String, json: Bool = false) async -> (ShellExitStatus, String, String) {
    let t = TestShell(json: json)
    let status = await t.run("scope info \(name)")
    return (status, t.output.output, t.output.error)
  }

  @Test(arguments: [
    "products", "Products", "\"PRODUCTS\"", "catalog", "store_v2_products", "products=modify",
  ])
  func everySpellingScopeAddTakes(spelling: String) async {
    let (status, out, _) = await info(spelling)
    #expect(status == .success)
    #expect(out.hasPrefix("Products (products), store-level"))
    #expect(out.contains("GET /v3/catalog/products?limit=1"))
    #expect(out.contains("migration-to (modify)"))
  }

  @Test func aTokenStringOrLevelNarrowsTheOperationsToThatLevel() async {
    let readOnly = await info("store_v2_products_read_only", json: true).1
    let modify = await info("products", json: true).1
    #expect(readOnly.contains("\"level\": \"read-only\""))
    // The reads, and the one POST that only reads (pricing.sf.yml names Products read-only).
    let reads = EndpointCatalog.endpoints(openedBy: "products").filter {
      $0.alternatives.first { $0.scopeID == "products" }?.level == .readOnly
    }.count
    #expect(reads == EndpointCatalog.endpoints(openedBy: "products").filter { $0.method == .get }.count + 1)
    let all = EndpointCatalog.endpoints(openedBy: "products").count
    #expect(readOnly.contains("\"operations\": \(reads),\n  \"shared_operations\""))
    #expect(modify.contains("\"operations\": \(all),\n  \"shared_operations\""))
    #expect(reads < all)
  }

  @Test func defaultAndWebhooksDescribeTheImplicitScope() async {
    for name in ["default", "webhooks", "Webhooks"] {
      let (status, out, _) = await info(name)
      #expect(status == .success)
      #expect(out.hasPrefix("default (webhooks): the implicit scope every API account holds"))
      #expect(out.contains("7 in the REST reference: GET 3, POST 1, PUT 2, DELETE 1"))
    }
  }

  @Test func accountScopesAndScopesTheReferenceNamesForNothing() async {
    let account = await info("account_users_read").1
    #expect(account.hasPrefix("Account Users (account-users), account-level"))
    #expect(account.contains("none in the REST reference: account-level tokens call the GraphQL Account API"))
    let translations = await info("store-translations").1
    #expect(translations.contains("none: the REST reference names this scope for no operation"))
  }

  @Test func anUnknownScopeIsAnErrorWithAHint() async {
    let (status, _, error) = await info("prodcts")
    #expect(status == .commandFailed)
    #expect(
      error
        == "test.bcsh:1:12: error: unknown scope 'prodcts'\nhint: did you mean 'products'? ('scope list --all' shows every scope)\n"
    )
    let far = await info("zzzzzz").2
    #expect(far.contains("or default (webhooks)"))
  }
}
