// The scopes of docs/bigcommerce.md ("Scopes and token strings"), in control-panel order. This file is
// the only place that lists them: lookup, presets, checklists, completion and verify read it.

extension ScopeCatalog {
  /// Store-level scopes in control-panel order, then the newer ones whose position is unknown.
  static let storeScopes: [Scope] = [
    readModify(
      "Content", "store_v2_content", probe: Probe("/v3/content/pages?limit=1")),
    readModify(
      "Checkout Content", "store_content_checkout",
      probe: Probe(
        "/v3/content/scripts?limit=1", note: "Content grants this endpoint too", alsoOpenedBy: ["content"])),
    readModify("Customers", "store_v2_customers", probe: Probe("/v3/customers?limit=1")),
    single("Customers Login", .login, "store_v2_customers_login", aliases: ["customer-login"]),
    readModify(
      "Information & Settings", "store_v2_information", probe: Probe("/v2/store"),
      aliases: ["information", "info", "settings"]),
    readModify(
      "Marketing", "store_v2_marketing",
      probe: Probe("/v2/coupons?limit=1", note: "204 means an empty list")),
    readModify("Orders", "store_v2_orders", probe: Probe("/v2/order_statuses")),
    readModify(
      "Order Transactions", "store_v2_transactions",
      probe: Probe("/v3/orders/1/transactions", note: "404 means the scope is present"),
      aliases: ["transactions"]),
    single("Create Payments", .create, "store_payments_access_token_create", aliases: ["payments"]),
    Scope(
      id: "get-payment-methods", uiName: "Get Payment Methods", kind: .store,
      levels: [Scope.Permission(level: .readOnly, tokenString: "store_payments_methods_read")],
      probe: Probe(
        "/v3/payments/methods?order_id=0", note: "any 4xx but 403 means the scope is present",
        grantedOnAnyClientError: true),
      aliases: ["payment-methods"]),
    readModify(
      "Stored Payment Instruments", "store_stored_payment_instruments",
      probe: Probe("/v3/customers/0/stored-instruments", note: "404 means the scope is present")),
    readModify(
      "Products", "store_v2_products", probe: Probe("/v3/catalog/products?limit=1"),
      aliases: ["catalog"]),
    readModify(
      "Themes", "store_themes_manage", readOnly: "store_themes_read_only", probe: Probe("/v3/themes")),
    readModify(
      "Carts", "store_cart",
      probe: Probe("/v3/carts/{uuid}", note: "404 means the scope is present"), aliases: ["cart"]),
    readModify(
      "Checkouts", "store_checkout",
      probe: Probe("/v3/checkouts/{uuid}", note: "404 means the scope is present"),
      aliases: ["checkout"]),
    readModify(
      "Sites & Routes", "store_sites", probe: Probe("/v3/sites?limit=1"), aliases: ["sites"]),
    readModify(
      "Channel Settings", "store_channel_settings", probe: Probe("/v3/channels?limit=1"),
      aliases: ["channels"]),
    readModify(
      "Channel Listings", "store_channel_listings",
      probe: Probe("/v3/channels/1/listings?limit=1"), aliases: ["listings"]),
    single("Storefront API Tokens", .manage, "store_storefront_api", aliases: ["storefront-tokens"]),
    single(
      "Storefront API Customer Impersonation Tokens", .manage,
      "store_storefront_api_customer_impersonation", aliases: ["customer-impersonation-tokens"]),
    Scope(
      id: "store-logs", uiName: "Store Logs", kind: .store,
      levels: [Scope.Permission(level: .readOnly, tokenString: "store_logs_read_only")],
      probe: Probe("/v3/store/systemlogs?limit=1"), aliases: ["logs", "system-logs"]),
    readModify(
      "Store Locations", "store_locations", probe: Probe("/v3/inventory/locations?limit=1"),
      aliases: ["locations"]),
    readModify(
      "Store Inventory", "store_inventory", probe: Probe("/v3/inventory/items?limit=1"),
      aliases: ["inventory"]),
    readModify(
      "Fulfillment Methods", "store_fulfillment_methods_manage",
      readOnly: "store_fulfillment_methods_read_only", probe: Probe("/v3/pickup/methods?limit=1")),
    readModify(
      "Order Fulfillment", "store_order_fulfillment_manage",
      readOnly: "store_order_fulfillment_read_only", probe: Probe("/v3/orders/pickups")),
    // Newer or conditional scopes; their place in the control panel is not documented.
    readModify("Store Translations", "store_translations", probe: nil, aliases: ["translations"]),
    single("Metafield Ownership", .manage, "store_metafield_change_owner"),
    Scope(
      id: "metafields-access", uiName: "Metafields Access", kind: .store,
      levels: [
        Scope.Permission(level: .standard, tokenString: "store_metafield_write"),
        Scope.Permission(level: .full, tokenString: "store_metafield_write_all"),
      ],
      probe: nil, aliases: ["metafields"]),
    // infrastructure_hosting.v3.yml lets any of the three read GET /v3/infrastructure/projects.
    Scope(
      id: "infrastructure-deployments", uiName: "Infrastructure Deployments", kind: .store,
      levels: [
        Scope.Permission(level: .readOnly, tokenString: "store_infrastructure_deployments_read_only"),
        Scope.Permission(
          level: .createPreview, tokenString: "store_infrastructure_deployments_create_preview"),
        Scope.Permission(level: .manage, tokenString: "store_infrastructure_deployments_manage"),
      ],
      probe: infrastructureProbe(besides: "infrastructure-deployments")),
    Scope(
      id: "infrastructure-projects", uiName: "Infrastructure Projects", kind: .store,
      levels: [
        Scope.Permission(level: .readOnly, tokenString: "store_infrastructure_projects_read_only"),
        Scope.Permission(level: .manage, tokenString: "store_infrastructure_projects_manage"),
      ],
      probe: infrastructureProbe(besides: "infrastructure-projects")),
    Scope(
      id: "infrastructure-logs", uiName: "Infrastructure Logs", kind: .store,
      levels: [Scope.Permission(level: .readOnly, tokenString: "store_infrastructure_logs_read_only")],
      probe: infrastructureProbe(besides: "infrastructure-logs")),
    // hosted-auth.mdx: "a V3 Token with the B2B Edition scope set to `modify`".
    single("B2B Edition", .modify, nil, aliases: ["b2b"]),
  ]

  /// Account-level scopes (docs/bigcommerce.md, "Scopes and token strings"), in the order the docs show
  /// them: app billing first. Each is a group of boxes that may be ticked together. None has a
  /// per-scope probe: the account API allows 70 requests an hour, so verify spends exactly one, on
  /// liveness.
  static let accountScopes: [Scope] = [
    accountScope(
      "Account Checkouts",
      [(.readOnly, "account_checkouts_read"), (.modify, "account_checkouts_create")],
      aliases: ["checkouts", "app-billing-checkouts", "Checkouts (app billing)"]),
    accountScope(
      "Account Subscriptions",
      [(.readOnly, "account_subscriptions_read"), (.cancel, "account_subscriptions_cancel")],
      aliases: ["subscriptions", "app-billing-subscriptions", "Subscriptions (app billing)"]),
    accountScope(
      "Charges (app billing)", [(.modify, nil)], id: "app-billing-charges",
      aliases: ["charges", "account-charges"]),
    accountScope("Account", [(.readOnly, "account_read")]),
    accountScope("Account Apps", [(.readOnly, "account_apps_read")], aliases: ["apps"]),
    accountScope("Account Stores", [(.readOnly, "account_stores_read")], aliases: ["stores"]),
    accountScope(
      "Account Users",
      [
        (.readOnly, "account_users_read"), (.write, "account_users_write"), (.delete, "account_users_delete"),
      ],
      aliases: ["users"]),
  ]

  /// Ids that earlier versions of bcsh wrote into session files, and the ids they became.
  static let renamedIDs = [
    "app-billing-checkouts": "account-checkouts", "app-billing-subscriptions": "account-subscriptions",
  ]

  /// The usual pair: `read-only` is the modify string with `_read_only` unless given.
  /// The one read every infrastructure scope opens; the other two open it as well.
  private static func infrastructureProbe(besides id: String) -> Probe {
    Probe(
      "/v3/infrastructure/projects",
      note: "any infrastructure scope opens it: a pass is inconclusive beside another, a 403 is not",
      alsoOpenedBy: ["infrastructure-deployments", "infrastructure-projects", "infrastructure-logs"].filter {
        $0 != id
      })
  }

  private static func readModify(
    _ uiName: String, _ modify: String, readOnly: String? = nil, probe: Probe?, aliases: [String] = []
  ) -> Scope {
    Scope(
      id: ScopeCatalog.slug(uiName), uiName: uiName, kind: .store,
      levels: [
        Scope.Permission(level: .readOnly, tokenString: readOnly ?? modify + "_read_only"),
        Scope.Permission(level: .modify, tokenString: modify),
      ],
      probe: probe, aliases: aliases)
  }

  /// A scope with one special level and no read probe (POST-only or storefront flows).
  private static func single(
    _ uiName: String, _ level: AccessLevel, _ token: String?, aliases: [String] = []
  ) -> Scope {
    Scope(
      id: ScopeCatalog.slug(uiName), uiName: uiName, kind: .store,
      levels: [Scope.Permission(level: level, tokenString: token)], probe: nil, aliases: aliases)
  }

  private static func accountScope(
    _ uiName: String, _ levels: [(AccessLevel, String?)], id: String? = nil, aliases: [String] = []
  ) -> Scope {
    Scope(
      id: id ?? ScopeCatalog.slug(uiName), uiName: uiName, kind: .account,
      levels: levels.map { Scope.Permission(level: $0.0, tokenString: $0.1) }, probe: nil, aliases: aliases,
      choice: .checkboxes)
  }
}
