/// One API account being prepared: what the control panel will be told (name, kind, scopes) and
/// what it gave back (API path, credentials).
public struct Token: Sendable, Equatable, Codable {
  public var name: String
  public var kind: TokenKind
  public var apiPath: APIPath?
  /// Declared scopes in control-panel order: one grant per drop-down scope, one per ticked box of
  /// a checkbox scope.
  public private(set) var grants: [ScopeGrant] = []
  public var accessToken: Secret?
  public var clientID: String?
  public var clientSecret: Secret?
  /// The outcome of the last `verify` of this token.
  public var lastVerification: VerificationRecord?
  /// Set for a GraphQL Storefront API token that `token mint` made: its access token is the
  /// storefront token, its API path the store it belongs to, and it has no scopes or client.
  public var storefront: StorefrontTokenRecord?

  public init(name: String, kind: TokenKind) {
    self.name = name
    self.kind = kind
  }

  /// BigCommerce refuses API account names shorter than 4 characters.
  public static let minimumNameLength = 4

  /// Declares a scope at a level. A drop-down scope's level replaces the one it had; a checkbox
  /// scope's box is ticked beside the others.
  public mutating func grant(_ grant: ScopeGrant) {
    if grant.scope?.choice == .checkboxes {
      guard !grants.contains(grant) else { return }
    } else {
      grants.removeAll { $0.scopeID == grant.scopeID }
    }
    // The grants are kept sorted: inserted after every grant not after it, where a stable sort of
    // the appended grant would put it, without sorting the whole list again. The test is
    // `grant < existing`, with the new grant's place in the catalog looked up once.
    let order = ScopeCatalog.order(of: grant.scopeID)
    let place =
      grants.firstIndex { existing in
        let other = ScopeCatalog.order(of: existing.scopeID)
        return order == other ? grant < existing : order < other
      } ?? grants.endIndex
    grants.insert(grant, at: place)
  }

  /// Removes a scope (every box of it), or with `level` that one box; returns whether anything
  /// was declared.
  @discardableResult
  public mutating func revoke(scopeID: String, level: AccessLevel? = nil) -> Bool {
    let before = grants.count
    grants.removeAll { $0.scopeID == scopeID && (level == nil || $0.level == level) }
    return grants.count != before
  }

  public mutating func revokeAll() { grants.removeAll() }

  /// The level a scope is declared at; for a checkbox scope, its highest ticked box.
  public func level(of scopeID: String) -> AccessLevel? {
    grants.last { $0.scopeID == scopeID }?.level
  }

  /// Every level declared for a scope: one for a drop-down scope, each ticked box of a checkbox
  /// scope.
  public func levels(of scopeID: String) -> [AccessLevel] {
    grants.filter { $0.scopeID == scopeID }.map(\.level)
  }

  /// The token strings of the declared scopes, as the API would report them.
  public var tokenStrings: [String] {
    grants.compactMap { $0.scope?.tokenString(for: $0.level) }
  }

  /// Reads a token from a session file; absent fields are empty, as a hand-written file expects.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    kind = try container.decode(TokenKind.self, forKey: .kind)
    apiPath = try container.decodeIfPresent(APIPath.self, forKey: .apiPath)
    grants = (try container.decodeIfPresent([ScopeGrant].self, forKey: .grants) ?? []).sorted()
    accessToken = try container.decodeIfPresent(Secret.self, forKey: .accessToken)
    clientID = try container.decodeIfPresent(String.self, forKey: .clientID)
    clientSecret = try container.decodeIfPresent(Secret.self, forKey: .clientSecret)
    lastVerification = try container.decodeIfPresent(VerificationRecord.self, forKey: .lastVerification)
    storefront = try container.decodeIfPresent(StorefrontTokenRecord.self, forKey: .storefront)
  }

  enum CodingKeys: String, CodingKey {
    case name, kind
    case apiPath = "api_path"
    case grants = "scopes"
    case accessToken = "access_token"
    case clientID = "client_id"
    case clientSecret = "client_secret"
    case lastVerification = "last_verify"
    case storefront
  }
}

extension Token {
  /// The kind as `token list` shows it: `store`, `account`, or the storefront token's kind.
  public var kindName: String { storefront?.kind.rawValue ?? kind.rawValue }

  /// "store-level", "account-level", "private storefront token", "storefront token".
  public var kindLabel: String {
    switch storefront?.kind {
    case .storefront?: "storefront token"
    case let kind?: "\(kind.rawValue) storefront token"
    case nil: "\(kind)-level"
    }
  }

  /// `token show`'s kind: "store-level", "private (GraphQL Storefront API)".
  public var kindPhrase: String {
    switch storefront?.kind {
    case .storefront?: "storefront (GraphQL Storefront API)"
    case .private?: "private (GraphQL Storefront API)"
    case .impersonation?: "customer impersonation (GraphQL Storefront API)"
    case nil: "\(kind)-level"
    }
  }
}

extension Token {
  /// The access token or client secret.
  public func secret(_ field: CredentialField) -> Secret? {
    switch field {
    case .accessToken: accessToken
    case .clientSecret: clientSecret
    case .clientID: nil
    }
  }

  /// Sets the access token or client secret.
  public mutating func setSecret(_ field: CredentialField, _ value: Secret?) {
    switch field {
    case .accessToken: accessToken = value
    case .clientSecret: clientSecret = value
    case .clientID: break
    }
  }
}
