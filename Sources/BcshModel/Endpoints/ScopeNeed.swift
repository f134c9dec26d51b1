/// The least scopes, with levels, that let a set of requests succeed (`scope need`,
/// `verify --for FILE`).
///
/// A request whose endpoint names one scope needs it; one whose file names several needs one of
/// them, and bcsh does not guess which: it takes one the other requests already need, or one the
/// token already declares, and otherwise leaves the choice to the user.
public struct ScopeNeed: Sendable {
  /// One request and what covers it.
  public struct Line: Sendable {
    public var request: APIRequest
    public var endpoint: Endpoint
    /// The grant that covers it; nil when it needs none (webhooks), none is stated, or the choice
    /// is open.
    public var covering: ScopeGrant?
    /// Whether `covering` was chosen among several the file names.
    public var isChosen: Bool
  }

  public var lines: [Line]
  /// The least set, in control-panel order.
  public var grants: [ScopeGrant]
  /// Requests whose file names several scopes, none of which the rest of the set or the token
  /// holds: one of each list is needed, and the reference does not say which.
  public var openChoices: [[ScopeGrant]]

  /// Matches each request to its endpoint (an unknown one is an error at its place) and finds the
  /// least set. `declared` is what the token already declares, preferred among alternatives.
  public static func resolve(_ requests: [APIRequest], declared: [ScopeGrant] = []) throws(BcshError)
    -> ScopeNeed
  {
    var lines: [Line] = []
    for request in requests {
      guard let endpoint = EndpointCatalog.endpoint(request.method, request.path) else {
        throw EndpointCatalog.unknownEndpoint(request)
      }
      lines.append(Line(request: request, endpoint: endpoint, covering: nil, isChosen: false))
    }
    var need: [String: AccessLevel] = [:]
    for index in lines.indices {
      let alternatives = lines[index].endpoint.alternatives
      guard alternatives.count == 1 else { continue }
      need[alternatives[0].scopeID] = higher(
        need[alternatives[0].scopeID], alternatives[0].level, alternatives[0])
      lines[index].covering = alternatives[0]
    }
    var open: [[ScopeGrant]] = []
    for index in lines.indices where lines[index].endpoint.alternatives.count > 1 {
      let alternatives = lines[index].endpoint.alternatives
      let inSet = alternatives.first { grant in need[grant.scopeID].map { covers($0, grant) } ?? false }
      let onToken = alternatives.first { grant in
        declared.contains { $0.scopeID == grant.scopeID && covers($0.level, grant) }
      }
      let raising = alternatives.first { need[$0.scopeID] != nil }
      guard let chosen = inSet ?? onToken ?? raising else {
        if !open.contains(alternatives) { open.append(alternatives) }
        continue
      }
      need[chosen.scopeID] = higher(need[chosen.scopeID], chosen.level, chosen)
      lines[index].covering = chosen
      lines[index].isChosen = true
    }
    let grants = need.map { ScopeGrant(scopeID: $0.key, level: $0.value) }.sorted()
    return ScopeNeed(lines: lines, grants: grants, openChoices: open)
  }

  /// Whether holding `level` of `grant`'s scope is enough for `grant`.
  public static func covers(_ level: AccessLevel, _ grant: ScopeGrant) -> Bool {
    guard let scope = grant.scope else { return level == grant.level }
    return rank(level, in: scope) >= rank(grant.level, in: scope)
  }

  /// A level's place among its scope's levels, lowest first.
  static func rank(_ level: AccessLevel, in scope: Scope) -> Int {
    scope.levels.firstIndex { $0.level == level } ?? -1
  }

  private static func higher(_ current: AccessLevel?, _ level: AccessLevel, _ grant: ScopeGrant)
    -> AccessLevel
  {
    guard let current else { return level }
    return covers(current, grant) ? current : level
  }
}
