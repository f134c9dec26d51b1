/// A named set of scopes that a kind of job needs (bigcommerce-reference.md section 7).
public struct Preset: Sendable, Hashable {
  public let name: String
  public let summary: String
  public let grants: [ScopeGrant]

  /// Every preset, in the order `scope preset` lists them.
  public static let all: [Preset] = [
    Preset(
      name: "migration-to", summary: "migrating a store to BigCommerce (LitExtension, Next-Cart)",
      grants: migrationScopes.map { ScopeGrant(scopeID: $0, level: .modify) }.sorted()),
    Preset(
      name: "migration-from", summary: "migrating a store away from BigCommerce (read only)",
      grants: migrationScopes.map { ScopeGrant(scopeID: $0, level: .readOnly) }.sorted()),
    Preset(
      name: "catalyst", summary: "a Catalyst storefront",
      grants: [
        ScopeGrant(scopeID: "content", level: .readOnly),
        ScopeGrant(scopeID: "information-settings", level: .readOnly),
        ScopeGrant(scopeID: "products", level: .readOnly),
        ScopeGrant(scopeID: "carts", level: .modify),
        ScopeGrant(scopeID: "sites-routes", level: .modify),
        ScopeGrant(scopeID: "channel-settings", level: .modify),
        ScopeGrant(scopeID: "storefront-api-tokens", level: .manage),
        ScopeGrant(scopeID: "storefront-api-customer-impersonation-tokens", level: .manage),
      ]),
    Preset(
      name: "stencil-dev", summary: "Stencil theme development (stencil start)",
      grants: stencil(themes: .readOnly)),
    Preset(
      name: "stencil-publish", summary: "publishing a Stencil theme (stencil push)",
      grants: stencil(themes: .modify)),
    Preset(
      name: "read-only-all", summary: "an audit token: every store scope that can be read, read-only",
      grants: ScopeCatalog.scopes(for: .store).filter { $0.offers(.readOnly) }.map {
        ScopeGrant(scopeID: $0.id, level: .readOnly)
      }),
  ]

  public static func named(_ name: String) -> Preset? { all.first { $0.name == name } }

  private static let migrationScopes = [
    "content", "information-settings", "marketing", "channel-settings", "channel-listings",
    "customers", "orders", "products",
  ]

  private static func stencil(themes: AccessLevel) -> [ScopeGrant] {
    [
      ScopeGrant(scopeID: "information-settings", level: .readOnly),
      ScopeGrant(scopeID: "themes", level: themes),
      ScopeGrant(scopeID: "channel-settings", level: .readOnly),
    ].sorted()
  }
}

/// A scope at a level, as a token declares it.
public struct ScopeGrant: Sendable, Hashable, Codable, Comparable {
  public var scopeID: String
  public var level: AccessLevel

  public init(scopeID: String, level: AccessLevel) {
    self.scopeID = scopeID
    self.level = level
  }

  public var scope: Scope? { ScopeCatalog.scope(id: scopeID) }

  /// Control-panel order.
  public static func < (lhs: ScopeGrant, rhs: ScopeGrant) -> Bool {
    ScopeCatalog.order(of: lhs.scopeID) < ScopeCatalog.order(of: rhs.scopeID)
  }

  enum CodingKeys: String, CodingKey {
    case scopeID = "scope"
    case level
  }
}
