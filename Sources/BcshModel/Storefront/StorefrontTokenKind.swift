/// The three kinds of GraphQL Storefront API token, each minted by its own REST endpoint
/// (docs/bigcommerce.md, "GraphQL Storefront tokens").
public enum StorefrontTokenKind: String, Sendable, CaseIterable, Codable {
  /// For browsers: CORS origins, no scopes; server to server only if created on or before
  /// 2026-06-30, and then only until 2027-03-31.
  case storefront
  /// For servers: GraphQL scopes of its own; refused from browsers.
  case `private`
  /// For servers acting as a customer (`X-Bc-Customer-Id`).
  case impersonation

  /// The create endpoint, below the store's API root.
  public var createPath: String {
    switch self {
    case .storefront: "/v3/storefront/api-token"
    case .private: "/v3/storefront/api-token-private"
    case .impersonation: "/v3/storefront/api-token-customer-impersonation"
    }
  }

  /// The token string of the scope an API account needs to mint this kind (manage).
  public var mintingTokenString: String {
    switch self {
    case .storefront, .private: "store_storefront_api"
    case .impersonation: "store_storefront_api_customer_impersonation"
    }
  }

  /// Whether `DELETE /v3/storefront/api-token` is documented to revoke this kind.
  public var isDocumentedRevocable: Bool { self != .impersonation }
}

extension StorefrontTokenKind {
  /// The control-panel scope an API account needs to mint this kind.
  public var mintingScope: Scope? {
    ScopeCatalog.scopes(for: .store).first { scope in
      scope.levels.contains { $0.tokenString == mintingTokenString }
    }
  }

  /// "Storefront API Tokens (store_storefront_api)".
  public var mintingScopeDescription: String {
    "\(mintingScope?.uiName ?? mintingTokenString) (\(mintingTokenString))"
  }
}
