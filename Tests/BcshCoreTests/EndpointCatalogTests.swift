import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// The endpoint table normalized onto the scope catalog: misspellings corrected, token strings to
/// scopes and levels, templates matched against concrete paths, v2 apart from v3.
@Suite struct EndpointCatalogTests {
  private func requirement(_ method: HTTPMethod, _ path: String) -> Endpoint.Requirement? {
    EndpointCatalog.endpoint(method, path)?.requirement
  }

  private func grants(_ pairs: [(String, AccessLevel)]) -> Endpoint.Requirement {
    .anyOf(pairs.map { ScopeGrant(scopeID: $0.0, level: $0.1) })
  }

  @Test func theRealCheckoutEndpointsNeedTheRealScopes() {
    #expect(requirement(.get, "/v3/checkouts/5c3b2a1f") == grants([("checkouts", .readOnly)]))
    #expect(
      requirement(.post, "/v3/checkouts/5c3b2a1f/coupons")
        == grants([("checkouts", .modify), ("checkout-content", .modify)]))
  }

  @Test func everyTokenStringOfTheTableIsKnownButOne() {
    var unknown: Set<String> = []
    for endpoint in EndpointCatalog.all {
      if case .unstated(let tokens) = endpoint.requirement { unknown.formUnion(tokens) }
    }
    // tax_classes.v3.yaml's table names MANAGE_TAX, a string no control-panel scope has.
    #expect(unknown == ["MANAGE_TAX"])
  }

  @Test func concreteIDsMatchTemplates() {
    let images = EndpointCatalog.endpoint(.get, "/v3/catalog/products/77/images")
    #expect(images?.template == "/v3/catalog/products/{product_id}/images")
    #expect(images?.requirement == grants([("products", .readOnly)]))
    #expect(
      EndpointCatalog.endpoint(.delete, "/v3/catalog/products/77/images/3")?.requirement
        == grants([("products", .modify)]))
    #expect(EndpointCatalog.endpoint(.get, "/v3/catalog/products/77/nope") == nil)
    #expect(EndpointCatalog.endpoint(.get, "/v3/catalog/products/") != nil)
  }

  /// Every template, with concrete ids for its parameters, finds itself and no other.
  @Test func everyEndpointIsFoundByAConcretePath() {
    for endpoint in EndpointCatalog.all {
      let path = endpoint.template.split(separator: "/", omittingEmptySubsequences: false).map {
        $0.hasPrefix("{") ? "77" : String($0)
      }.joined(separator: "/")
      #expect(EndpointCatalog.endpoint(endpoint.method, path) == endpoint, "\(endpoint.description)")
    }
  }

  @Test func aLiteralSegmentWinsOverAParameter() {
    #expect(EndpointCatalog.endpoint(.get, "/v3/carts/settings")?.template == "/v3/carts/settings")
    #expect(
      EndpointCatalog.endpoint(.get, "/v3/carts/settings")?.requirement
        == grants([("information-settings", .readOnly)])
    )
    #expect(EndpointCatalog.endpoint(.get, "/v3/carts/0b6a3c1e")?.template == "/v3/carts/{cartId}")
  }

  @Test func v2AndV3AreApart() {
    #expect(EndpointCatalog.endpoint(.post, "/v2/orders")?.requirement == grants([("orders", .modify)]))
    #expect(EndpointCatalog.endpoint(.post, "/v3/orders") == nil)
    #expect(EndpointCatalog.endpoint(.get, "/v2/customers")?.specFile == "reference/customers.v2.yml")
    #expect(EndpointCatalog.endpoint(.get, "/v3/customers")?.specFile == "reference/customers.v3.yml")
  }

  @Test func levelsFollowTheMethodAndWhatTheFileNames() {
    #expect(requirement(.get, "/v3/catalog/products") == grants([("products", .readOnly)]))
    #expect(requirement(.put, "/v3/catalog/products") == grants([("products", .modify)]))
    // themes.v3.yml names only modify; api-accounts.mdx documents read-only for viewing themes.
    #expect(requirement(.get, "/v3/themes") == grants([("themes", .readOnly)]))
    #expect(requirement(.post, "/v3/themes") == grants([("themes", .modify)]))
    #expect(EndpointCatalog.endpoint(.get, "/v3/themes")?.note.contains("api-accounts.mdx") == true)
    // page-widgets.v3.yml's table is a placeholder: api-accounts.mdx's rows for Widgets V3 stand in.
    #expect(requirement(.post, "/v3/content/page-widgets") == grants([("content", .modify)]))
    #expect(requirement(.get, "/v3/content/page-widgets") == grants([("content", .readOnly)]))
    // A create level cannot read; a read-only level cannot write.
    #expect(requirement(.get, "/v3/payments/methods") == grants([("get-payment-methods", .readOnly)]))
    #expect(requirement(.post, "/v3/payments/access_tokens") == grants([("create-payments", .create)]))
  }

  @Test func webhooksNeedTheDefaultScopeAndUnstatedEndpointsSaySo() {
    #expect(requirement(.get, "/v3/hooks") == .implicitDefault)
    #expect(requirement(.delete, "/v3/hooks/12") == .implicitDefault)
    // store_logs.v3.yml's table has no backticks around its token string.
    #expect(requirement(.get, "/v3/store/systemlogs") == grants([("store-logs", .readOnly)]))
    // carts.v3.yml's "Required Fields" table is not a scope table; its settings endpoints alone
    // need Information & Settings.
    #expect(requirement(.post, "/v3/carts") == grants([("carts", .modify)]))
    #expect(requirement(.get, "/v3/carts/settings") == grants([("information-settings", .readOnly)]))
    // An operation's own words override the file's table.
    #expect(requirement(.get, "/v3/settings/analytics") == grants([("content", .readOnly)]))
    #expect(
      requirement(.post, "/v3/storefront/api-token-customer-impersonation")
        == grants([("storefront-api-customer-impersonation-tokens", .manage)]))
    #expect(requirement(.post, "/v3/storefront/api-token") == grants([("storefront-api-tokens", .manage)]))
    #expect(requirement(.post, "/v3/pricing/products") == grants([("products", .readOnly)]))
  }

  @Test func aFileThatNamesSeveralScopesLeavesTheChoiceUnlessAProbeSettlesIt() {
    let channels = EndpointCatalog.endpoint(.get, "/v3/channels")
    #expect(channels?.requirement == grants([("channel-settings", .readOnly)]))
    #expect(channels?.isNarrowedByProbe == true)
    #expect(
      EndpointCatalog.endpoint(.post, "/v3/channels")?.alternatives.map(\.scopeID).sorted()
        == ["channel-listings", "channel-settings", "sites-routes"])
  }

  @Test func onlyStoreAPIRowsAreKept() {
    #expect(EndpointCatalog.all.allSatisfy { $0.template.hasPrefix("/v2/") || $0.template.hasPrefix("/v3/") })
  }

  @Test func storePathsDropHostStoreQueryAndTrailingSlash() {
    #expect(
      APIRequest.storePath("https://api.bigcommerce.com/stores/abc123/v3/catalog/products?limit=5&page=2")
        == "/v3/catalog/products")
    #expect(APIRequest.storePath("/stores/abc123/v2/orders/") == "/v2/orders")
    #expect(APIRequest.storePath("/v3/hooks#x") == "/v3/hooks")
    #expect(APIRequest.storePath("http://127.0.0.1:8080/stores/h/v3/sites") == "/v3/sites")
  }
}
