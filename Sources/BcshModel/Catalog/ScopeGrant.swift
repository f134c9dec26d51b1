/// A scope at a level, as a token declares it.
public struct ScopeGrant: Sendable, Hashable, Codable, Comparable {
  public var scopeID: String
  public var level: AccessLevel

  public init(scopeID: String, level: AccessLevel) {
    self.scopeID = scopeID
    self.level = level
  }

  public var scope: Scope? { ScopeCatalog.scope(id: scopeID) }

  /// Control-panel order; the boxes of one scope in the order of its levels.
  public static func < (lhs: ScopeGrant, rhs: ScopeGrant) -> Bool {
    let left = ScopeCatalog.order(of: lhs.scopeID)
    let right = ScopeCatalog.order(of: rhs.scopeID)
    guard left == right, let scope = lhs.scope else { return left < right }
    return scope.order(of: lhs.level) < scope.order(of: rhs.level)
  }

  /// Reads a grant from a session file, taking a scope id that an earlier version wrote to the
  /// id it has now.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    scopeID = ScopeCatalog.currentID(try container.decode(String.self, forKey: .scopeID))
    level = try container.decode(AccessLevel.self, forKey: .level)
  }

  enum CodingKeys: String, CodingKey {
    case scopeID = "scope"
    case level
  }
}
