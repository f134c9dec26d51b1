import BcshModel

/// Turns the table's rows into `Endpoint`s on bcsh's scope catalog: the docs' three misspelled
/// token strings corrected, each token string mapped to its scope (the level as the permission
/// column states it, else as the token string says), and the level each method needs
/// (docs/bigcommerce.md, "Scopes and token strings").
public enum EndpointNormalizer {
  /// The docs' misspellings and what real tokens say (docs/bigcommerce.md, "Scopes and token strings").
  static let corrections: [String: String] = [
    "store_checkouts": "store_checkout",
    "store_checkouts_read_only": "store_checkout_read_only",
    "store_checkout_content": "store_content_checkout",
    "store_checkout_content_read_only": "store_content_checkout_read_only",
    "store_v2_order_transactions": "store_v2_transactions",
    "store_v2_order_transactions_read_only": "store_v2_transactions_read_only",
  ]

  /// The token string the API uses for one the docs write.
  static func corrected(_ tokenString: String) -> String { corrections[tokenString] ?? tokenString }

  /// One operation of the reference with the `UI name=permission=token string` statements its
  /// file makes for it, normalized: what bcs-endpoints writes into EndpointTable+Data.swift.
  public static func endpoint(
    method: String, path: String, specFile: String,
    entries: [(uiName: String, permission: String, tokenString: String)]
  ) -> Endpoint {
    let method = HTTPMethod(rawValue: method)
    var named: [(scope: Scope, levels: [AccessLevel])] = []
    var unknown: [String] = []
    var isDefault = false
    for entry in entries {
      let token = corrected(entry.tokenString.trimmingBlanks())
      if token == "default" {
        isDefault = true
      } else if let (scope, tokenLevel) = grant(forTokenString: token) {
        // The permission column wins where it names a level the scope offers: carts.v3.yml writes
        // the modify string for Information & Settings "read-only".
        let stated = AccessLevel(rawValue: ScopeCatalog.slug(entry.permission))
        let level = scope.offers(stated) ? stated : tokenLevel
        if let index = named.firstIndex(where: { $0.scope.id == scope.id }) {
          named[index].levels.append(level)
        } else {
          named.append((scope, [level]))
        }
      } else if !token.isEmpty {
        unknown.append(token)
      }
    }
    var grants = named.map {
      ScopeGrant(scopeID: $0.scope.id, level: level(for: method, of: $0.scope, named: $0.levels))
    }
    grants = plausible(grants, for: method)
    let requirement: Endpoint.Requirement =
      if !grants.isEmpty {
        .anyOf(grants)
      } else if isDefault {
        .implicitDefault
      } else {
        .unstated(unknownTokens: unknown)
      }
    return Endpoint(method, path, specFile, requirement)
  }

  /// The scope and level a token string names, if bcsh's catalog knows it.
  static func grant(forTokenString token: String) -> (Scope, AccessLevel)? {
    guard token.contains("_"), let (scope, level) = try? ScopeCatalog.resolve(token, for: .store),
      let level
    else { return nil }
    return (scope, level)
  }

  /// A read needs the lowest level the file names (read-only where it names one); a write the
  /// highest it names. A file that names only read-only for a POST means that POST only reads
  /// (pricing.sf.yml: `POST /v3/pricing/products` computes prices with Products read-only).
  static func level(for method: HTTPMethod, of scope: Scope, named: [AccessLevel]) -> AccessLevel {
    let rank = { (level: AccessLevel) in scope.levels.firstIndex { $0.level == level } ?? 0 }
    let sorted = named.sorted { rank($0) < rank($1) }
    return method.isRead ? sorted.first! : sorted.last!
  }

  /// Leaves out alternatives whose level cannot do what the method does (a `create` level cannot
  /// read; a read-only level cannot write), unless none would be left.
  static func plausible(_ grants: [ScopeGrant], for method: HTTPMethod) -> [ScopeGrant] {
    let able = grants.filter { method.isRead ? $0.level.includesRead : $0.level != .readOnly }
    return able.isEmpty ? grants : able
  }
}
