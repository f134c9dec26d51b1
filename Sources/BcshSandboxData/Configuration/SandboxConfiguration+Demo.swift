extension SandboxConfiguration {
  /// The demo store's hash.
  public static let demoStoreHash = "sbxdemo001"
  /// The second demo store, whose token does not belong to the first.
  public static let otherStoreHash = "sbxother02"
  /// The demo account that owns both demo stores.
  public static let demoAccountUUID = "5e1d0c0a-7f3b-4a8e-9c2d-1b6f0e4a2c7d"

  /// Deterministic demo data: the quickstart, the banner and the tests rely on every value here.
  ///
  /// The credentials are throw-away values in BigCommerce's formats (31 characters of [0-9a-z] for
  /// access token and client ID, 64 lowercase hex for the client secret); they work nowhere else.
  public static let demo = SandboxConfiguration(
    stores: [
      SandboxStore(
        hash: demoStoreHash, name: "bcsh Sandbox Store", domain: "sandbox.example",
        planName: "Plus", accountUUID: demoAccountUUID),
      SandboxStore(
        hash: otherStoreHash, name: "bcsh Other Store", domain: "other.sandbox.example",
        planName: "Standard", accountUUID: demoAccountUUID),
    ],
    tokens: [
      SandboxToken(
        name: "full", accessToken: "2gjy9aipfh5at2ad2v913sxyhu2x2uf",
        clientID: "waog9hqw8tfiwx6h68k5va5412iehls",
        clientSecret: "8702a3ff95d7833a191251728c91f1884cc929e1d35a5b4eefee9c40f5977e22",
        storeHash: demoStoreHash, scopes: DemoScopes.full),
      SandboxToken(
        name: "migration", accessToken: "9x4u9hh6ensyzjkzxr1bwx6de829895",
        clientID: "z4ttalima0932s1rhrrueyh4pu2t0df",
        clientSecret: "cb90312fec64233035c1fdf47c8f026782561587c6f37c6cc4b832f7deff5083",
        storeHash: demoStoreHash, scopes: DemoScopes.migration),
      SandboxToken(
        name: "partial", accessToken: "p14fox55s2r3icl26hsqf8ra7kzelia",
        clientID: "b2vqjeai6k7cj4m3b98wb7ik4s8674c",
        clientSecret: "a96fad48df790a5627278bd0bfa3c5670424a222e4d40785433bc1cb74c5edef",
        storeHash: demoStoreHash, scopes: DemoScopes.partial),
      SandboxToken(
        name: "readonly", accessToken: "i70pw629a3v68vhtnufc2x36n8w5u1m",
        clientID: "b3k95o4taitnslvu882tm2nyj45oxfc",
        clientSecret: "562850de614081d7fafc79643d4729f6e9243871476a1a1f0813e5799bc7191e",
        storeHash: demoStoreHash, scopes: DemoScopes.readOnly),
      SandboxToken(
        name: "account", accessToken: "rail4gdr549rpuedlluowghy0e8hb11",
        clientID: "pxdqdcmikmq3fl7cswse73159vlku5k",
        clientSecret: "9361de9808cea3603a5b320d6741b1b9348d98f0d6e375b10bc89998a976973d",
        accountUUID: demoAccountUUID, scopes: DemoScopes.account),
      SandboxToken(
        name: "other", accessToken: "t7umjkmsrdyyg917j9xy2b2863c6jcs",
        clientID: "rriy3vr53qo6vb8c55s79achfi9bhy3",
        clientSecret: "8a97e1ea5db8740a527c14de4b3bf03731589573d4b8b2325a1a5889211cdb19",
        storeHash: otherStoreHash, scopes: DemoScopes.migration),
    ],
    accounts: [SandboxAccount(uuid: demoAccountUUID, name: "bcsh Sandbox Account")]
  )
}

/// The demo tokens' scope sets, as token strings in control-panel order.
enum DemoScopes {
  /// Every store scope at modify, or at its single level (the highest where there are several).
  static let full = [
    "store_v2_content", "store_content_checkout", "store_v2_customers", "store_v2_customers_login",
    "store_v2_information", "store_v2_marketing", "store_v2_orders", "store_v2_transactions",
    "store_payments_access_token_create", "store_payments_methods_read",
    "store_stored_payment_instruments", "store_v2_products", "store_themes_manage", "store_cart",
    "store_checkout", "store_sites", "store_channel_settings", "store_channel_listings",
    "store_storefront_api", "store_storefront_api_customer_impersonation", "store_logs_read_only",
    "store_locations", "store_inventory", "store_fulfillment_methods_manage",
    "store_order_fulfillment_manage", "store_translations", "store_metafield_change_owner",
    "store_metafield_write_all", "store_infrastructure_deployments_manage",
    "store_infrastructure_projects_manage", "store_infrastructure_logs_read_only",
  ]

  /// The "migrating to BigCommerce" preset: modify on Content, Information & Settings, Marketing,
  /// Channel Settings, Channel Listings, Customers, Orders and Products.
  static let migration = [
    "store_v2_content", "store_v2_customers", "store_v2_information", "store_v2_marketing",
    "store_v2_orders", "store_v2_products", "store_channel_settings", "store_channel_listings",
  ]

  /// The migration preset without Marketing and Orders: the "missing scope" demo.
  static let partial = migration.filter { $0 != "store_v2_marketing" && $0 != "store_v2_orders" }

  /// Every store scope that has a read-only level, at read-only.
  static let readOnly = [
    "store_v2_content_read_only", "store_content_checkout_read_only", "store_v2_customers_read_only",
    "store_v2_information_read_only", "store_v2_marketing_read_only", "store_v2_orders_read_only",
    "store_v2_transactions_read_only", "store_payments_methods_read",
    "store_stored_payment_instruments_read_only", "store_v2_products_read_only",
    "store_themes_read_only", "store_cart_read_only", "store_checkout_read_only",
    "store_sites_read_only", "store_channel_settings_read_only", "store_channel_listings_read_only",
    "store_logs_read_only", "store_locations_read_only", "store_inventory_read_only",
    "store_fulfillment_methods_read_only", "store_order_fulfillment_read_only",
    "store_translations_read_only", "store_infrastructure_deployments_read_only",
    "store_infrastructure_projects_read_only", "store_infrastructure_logs_read_only",
  ]

  /// The demo account-level token's scopes.
  static let account = ["account_read", "account_stores_read", "account_users_read"]
}
