/// A named set of scopes that a kind of job needs. Each records the tool, file and version it
/// follows, so that a reader can check it against the tool (docs/bigcommerce.md).
public struct Preset: Sendable, Hashable {
  public let name: String
  public let summary: String
  public let grants: [ScopeGrant]
  /// Where the scope list comes from: the tool, the file that requests or calls, and the version.
  public let source: String
  /// The control panel's token type to pick, when it is not the plain V2/V3 API token.
  public let tokenType: TokenType?

  /// A token type the control panel offers besides "V2/V3 API token", with its levels.
  public struct TokenType: Sendable, Hashable {
    public let name: String
    /// The level to pick for this preset, and the levels offered.
    public let level: String
    public let levels: [String]
  }

  /// Every preset, in the order `scope preset` lists them.
  public static let all: [Preset] = [
    Preset(
      name: "migration-to", summary: "migrating a store to BigCommerce (LitExtension, Next-Cart)",
      grants: migrationScopes.map { ScopeGrant(scopeID: $0, level: .modify) }.sorted(),
      source:
        "the API-account requirements LitExtension and Next-Cart publish for migrations to BigCommerce "
        + "(read 2026-04): Content, Information & Settings, Marketing, Channel Settings and Channel Listings "
        + "required; Customers, Orders and Products by what is migrated",
      tokenType: nil),
    Preset(
      name: "migration-from", summary: "migrating a store away from BigCommerce (read only)",
      grants: migrationScopes.map { ScopeGrant(scopeID: $0, level: .readOnly) }.sorted(),
      source: "the migration-to scopes at read-only: a migration away from BigCommerce only reads",
      tokenType: nil),
    Preset(
      name: "catalyst", summary: "a Catalyst storefront: the scopes create-catalyst asks for",
      grants: [
        ScopeGrant(scopeID: "channel-settings", level: .modify),
        ScopeGrant(scopeID: "sites-routes", level: .modify),
        ScopeGrant(scopeID: "storefront-api-tokens", level: .manage),
        ScopeGrant(scopeID: "content", level: .modify),
        ScopeGrant(scopeID: "information-settings", level: .modify),
        ScopeGrant(scopeID: "products", level: .modify),
        ScopeGrant(scopeID: "carts", level: .modify),
      ].sorted(),
      source:
        "bigcommerce/catalyst, packages/create-catalyst/src/utils/auth.ts on branch canary at commit "
        + "d4690786b17a (2026-01-09): the device-code request's scopes store_channel_settings, store_sites, "
        + "store_storefront_api, store_v2_content, store_v2_information, store_v2_products, store_cart",
      tokenType: nil),
    Preset(
      name: "catalyst-deploy",
      summary: "deploying a Catalyst storefront (catalyst deploy)",
      grants: [
        ScopeGrant(scopeID: "infrastructure-deployments", level: .manage),
        ScopeGrant(scopeID: "infrastructure-projects", level: .manage),
        ScopeGrant(scopeID: "infrastructure-logs", level: .readOnly),
      ].sorted(),
      source:
        "bigcommerce/catalyst, packages/catalyst/src/cli/commands/deploy.ts and link.ts on branch canary at "
        + "commit d4690786b17a (2026-01-09): POST /v3/infrastructure/deployments/uploads and "
        + "/v3/infrastructure/deployments, GET .../deployments/{uuid}/events, GET and POST "
        + "/v3/infrastructure/projects; infrastructure_hosting.v3.yml names these three scopes for them",
      tokenType: nil),
    Preset(
      name: "stencil-dev", summary: "Stencil theme development (stencil start)",
      grants: stencil(themes: .readOnly), source: stencilSource,
      tokenType: TokenType(
        name: "Stencil-CLI token", level: "local development only", levels: stencilLevels)),
    Preset(
      name: "stencil-publish", summary: "publishing a Stencil theme (stencil push)",
      grants: stencil(themes: .modify), source: stencilSource,
      tokenType: TokenType(name: "Stencil-CLI token", level: "publish theme", levels: stencilLevels)),
    Preset(
      name: "read-only-all", summary: "an audit token: every store scope that can be read, read-only",
      grants: ScopeCatalog.scopes(for: .store).filter { $0.offers(.readOnly) }.map {
        ScopeGrant(scopeID: $0.id, level: .readOnly)
      },
      source: "bcsh's scope catalog: every store scope that offers read-only", tokenType: nil),
  ]

  public static func named(_ name: String) -> Preset? { all.first { $0.name == name } }

  private static let migrationScopes = [
    "content", "information-settings", "marketing", "channel-settings", "channel-listings",
    "customers", "orders", "products",
  ]

  private static let stencilSource =
    "bigcommerce/stencil-cli on branch master at commit 2b7d04e3bca6 (2026-06-18): lib/theme-api-client.js "
    + "(GET /v3/sites, GET /v3/channels, the themes endpoints) and lib/store-settings-api-client.js (GET "
    + "/v3/settings/store/locale); the control panel's Stencil-CLI token "
    + "(docs/storefront/stencil/cli/development-server.mdx in bigcommerce/docs) sets these itself"

  private static let stencilLevels = ["local development only", "publish theme"]

  /// What stencil-cli calls: Sites & Routes, Channel Settings and Information & Settings read-only,
  /// and Themes (modify to push and publish).
  private static func stencil(themes: AccessLevel) -> [ScopeGrant] {
    [
      ScopeGrant(scopeID: "information-settings", level: .readOnly),
      ScopeGrant(scopeID: "themes", level: themes),
      ScopeGrant(scopeID: "sites-routes", level: .readOnly),
      ScopeGrant(scopeID: "channel-settings", level: .readOnly),
    ].sorted()
  }
}
