import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

@Suite struct ScopeCatalogTests {
  @Test(arguments: [
    ("products", "products"), ("Products", "products"), ("PRODUCTS", "products"),
    ("information-settings", "information-settings"), ("Information & Settings", "information-settings"),
    ("information_settings", "information-settings"), ("informationsettings", "information-settings"),
    ("INFORMATION & SETTINGS", "information-settings"), ("info", "information-settings"),
    ("sites-routes", "sites-routes"), ("Sites & Routes", "sites-routes"),
    ("Storefront API Customer Impersonation Tokens", "storefront-api-customer-impersonation-tokens"),
    ("order transactions", "order-transactions"), ("Checkout Content", "checkout-content"),
    ("store logs", "store-logs"), ("get payment methods", "get-payment-methods"),
  ])
  func storeScopesBySpelling(_ name: String, _ id: String) throws {
    let (scope, level) = try ScopeCatalog.resolve(name, for: .store)
    #expect(scope.id == id)
    #expect(level == nil)
  }

  @Test(arguments: [
    ("store_v2_products_read_only", "products", AccessLevel.readOnly),
    ("store_v2_products", "products", .modify),
    ("store_checkout", "checkouts", .modify),
    ("store_content_checkout", "checkout-content", .modify),
    ("store_v2_transactions_read_only", "order-transactions", .readOnly),
    ("store_themes_manage", "themes", .modify),
    ("store_themes_read_only", "themes", .readOnly),
    ("store_payments_methods_read", "get-payment-methods", .readOnly),
    ("store_storefront_api_customer_impersonation", "storefront-api-customer-impersonation-tokens", .manage),
    ("store_v2_customers_login", "customers-login", .login),
    ("store_metafield_write_all", "metafields-access", .full),
  ])
  func tokenStringsFixTheLevel(_ token: String, _ id: String, _ level: AccessLevel) throws {
    let (scope, found) = try ScopeCatalog.resolve(token, for: .store)
    #expect(scope.id == id)
    #expect(found == level)
    #expect(scope.tokenString(for: level) == token)
  }

  @Test func everyTokenStringRoundTrips() throws {
    for scope in ScopeCatalog.all {
      for grant in scope.levels {
        guard let token = grant.tokenString else { continue }
        let (found, level) = try ScopeCatalog.resolve(token, for: scope.kind)
        #expect(found.id == scope.id && level == grant.level, "\(token)")
      }
    }
  }

  @Test func idsAreUniqueAndSlugs() {
    let ids = ScopeCatalog.all.map(\.id)
    #expect(Set(ids).count == ids.count)
    for scope in ScopeCatalog.all { #expect(scope.id == ScopeCatalog.slug(scope.id)) }
  }

  @Test func theThreeDisputedStringsFollowRealTokens() {
    let strings = Set(ScopeCatalog.all.flatMap { $0.levels.compactMap(\.tokenString) })
    #expect(strings.isSuperset(of: ["store_checkout", "store_content_checkout", "store_v2_transactions"]))
    #expect(
      strings.isDisjoint(with: ["store_checkouts", "store_checkout_content", "store_v2_order_transactions"]))
    #expect(!strings.contains("store_app_extensions_manage"))
  }

  @Test func grantsDefaultToTheHighestLevel() throws {
    #expect(try ScopeCatalog.resolveGrant("products", for: .store).level == .modify)
    #expect(try ScopeCatalog.resolveGrant("products=read-only", for: .store).level == .readOnly)
    #expect(try ScopeCatalog.resolveGrant("products=READ_ONLY", for: .store).level == .readOnly)
    #expect(try ScopeCatalog.resolveGrant("store-logs", for: .store).level == .readOnly)
    #expect(try ScopeCatalog.resolveGrant("account-users", for: .account).level == .delete)
    #expect(try ScopeCatalog.resolveGrant("store_v2_orders_read_only", for: .store).level == .readOnly)
    #expect(
      try ScopeCatalog.resolveGrant("store_v2_orders_read_only=read-only", for: .store).level == .readOnly)
  }

  @Test func accountScopesResolveOnAccountTokens() throws {
    #expect(try ScopeCatalog.resolve("checkouts", for: .account).scope.id == "account-checkouts")
    #expect(try ScopeCatalog.resolve("app-billing-checkouts", for: .account).scope.id == "account-checkouts")
    #expect(
      try ScopeCatalog.resolve("Account Subscriptions", for: .account).scope.id == "account-subscriptions")
    #expect(try ScopeCatalog.resolve("checkouts", for: .store).scope.id == "checkouts")
    #expect(try ScopeCatalog.resolve("account_users_write", for: .account).level == .write)
  }

  private func failure(_ text: String, _ kind: TokenKind = .store) -> BcshError? {
    do {
      _ = try ScopeCatalog.resolveGrant(text, for: kind)
      return nil
    } catch {
      return error
    }
  }

  @Test func unknownScopeSuggestsTheClosest() {
    let error = failure("prodcts")
    #expect(error?.code == .unknownName)
    #expect(error?.hint?.hasPrefix("did you mean 'products'?") == true)
    #expect(failure("informaton-settings")?.hint?.hasPrefix("did you mean 'information-settings'?") == true)
    #expect(failure("store_v2_product")?.hint?.hasPrefix("did you mean 'store_v2_products'?") == true)
    #expect(failure("zzzzzz")?.hint?.hasPrefix("valid store scopes: content, checkout-content,") == true)
    #expect(
      failure("zzzzzz", .account)?.hint?.hasPrefix(
        "valid account scopes: account-checkouts, account-subscriptions, app-billing-charges, account,")
        == true)
  }

  @Test func levelTheScopeDoesNotOfferListsTheValidOnes() {
    let error = failure("products=manage")
    #expect(error?.code == .invalidValue)
    #expect(error?.hint == "its levels are: read-only, modify")
    #expect(failure("store-logs=modify")?.hint == "its levels are: read-only")
  }

  @Test func tokenStringAndConflictingLevel() {
    let error = failure("store_v2_products_read_only=modify")
    #expect(error?.code == .invalidValue)
    #expect(error?.hint == "write 'products=modify'")
  }

  @Test func wrongKindSaysWhereTheScopeBelongs() {
    let storeOnAccount = failure("products", .account)
    #expect(storeOnAccount?.code == .invalidValue)
    // Which way round it is: the other way is pinned in Golden/errors.txt.
    #expect(
      storeOnAccount?.message == "'products' is a store-level scope; this token is an account-level token")
    #expect(storeOnAccount?.hint?.contains("account-users") == true)
    let accountOnStore = failure("account_users_read", .store)
    #expect(accountOnStore?.code == .invalidValue)
    #expect(accountOnStore?.hint?.contains("products") == true)
  }

  @Test func presetsHoldValidGrantsInControlPanelOrder() {
    #expect(
      Preset.all.map(\.name) == [
        "migration-to", "migration-from", "catalyst", "catalyst-deploy", "stencil-dev", "stencil-publish",
        "read-only-all",
      ])
    for preset in Preset.all {
      #expect(preset.grants == preset.grants.sorted(), "\(preset.name)")
      for grant in preset.grants {
        #expect(grant.scope?.offers(grant.level) == true, "\(preset.name): \(grant.scopeID)")
        #expect(grant.scope?.kind == .store)
      }
    }
    let migration = Preset.named("migration-to")!
    #expect(migration.grants.count == 8)
    #expect(migration.grants.allSatisfy { $0.level == .modify })
    #expect(Preset.named("migration-from")!.grants.allSatisfy { $0.level == .readOnly })
    #expect(Preset.named("stencil-publish")!.grants.contains(ScopeGrant(scopeID: "themes", level: .modify)))
  }

  @Test func probesAreReadOnlyPathsWithoutTrailingSlash() {
    for scope in ScopeCatalog.all {
      guard let probe = scope.probe else { continue }
      #expect(probe.method == .get)
      #expect(probe.path.hasPrefix("/v2/") || probe.path.hasPrefix("/v3/"))
      #expect(!probe.path.split(separator: "?")[0].hasSuffix("/"), "\(scope.id)")
    }
    #expect(ScopeCatalog.scope(id: "carts")?.probe?.resolvedPath { "U" } == "/v3/carts/U")
  }

  @Test func probeStatusesFollowTheReference() {
    let products = ScopeCatalog.scope(id: "products")!.probe!
    #expect(products.interpret(status: 200) == true)
    #expect(products.interpret(status: 204) == true)
    #expect(products.interpret(status: 404) == true)
    #expect(products.interpret(status: 422) == true)
    #expect(products.interpret(status: 403) == false)
    #expect(products.interpret(status: 405) == nil)
    #expect(products.interpret(status: 500) == nil)
    let methods = ScopeCatalog.scope(id: "get-payment-methods")!.probe!
    #expect(methods.interpret(status: 405) == true)
    #expect(methods.interpret(status: 403) == false)
  }
}
