/// BigCommerce's store REST operations and the scopes each needs, from data/bigcommerce-endpoints.tsv
/// (docs/bigcommerce.md), normalized onto `ScopeCatalog` and indexed by path.
public enum EndpointCatalog {
  /// Every store REST operation, in the table's order.
  public static let all: [Endpoint] = built.endpoints

  package static let index: PathIndex = built.index

  /// The endpoint a request calls: `path` is below the store's API root (`/v3/...`), without a query.
  public static func endpoint(_ method: HTTPMethod, _ path: String) -> Endpoint? {
    index.node(for: PathIndex.segments(of: path))?.endpoints[method]
  }

  /// The methods the template `path` matches takes, when it matches one (for "takes GET, PUT").
  public static func methods(at path: String) -> [HTTPMethod] {
    (index.node(for: PathIndex.segments(of: path))?.endpoints.keys).map { $0.sorted() } ?? []
  }

  /// The endpoints a scope can open, in the table's order.
  public static func endpoints(openedBy scopeID: String) -> [Endpoint] {
    all.filter { $0.alternatives.contains { $0.scopeID == scopeID } }
  }

  /// The endpoints that need only the implicit `default` scope (webhooks).
  public static var defaultScopeEndpoints: [Endpoint] {
    all.filter { $0.requirement == .implicitDefault }
  }

  private static let built: (endpoints: [Endpoint], index: PathIndex) = {
    var endpoints = EndpointTable.endpoints
    var index = PathIndex()
    for endpoint in endpoints { index.insert(endpoint) }
    // Where a file names several scopes, verify's read probe for that very endpoint says which.
    var narrowed: [String: [ScopeGrant]] = [:]
    for scope in ScopeCatalog.scopes(for: .store) {
      guard let probe = scope.probe else { continue }
      let path = String(probe.path.prefix { $0 != "?" })
      guard let endpoint = index.node(for: PathIndex.segments(of: path))?.endpoints[.get],
        endpoint.alternatives.count > 1
      else { continue }
      let openers = [scope.id] + probe.alsoOpenedBy
      let kept = endpoint.alternatives.filter { openers.contains($0.scopeID) }
      if kept.contains(where: { $0.scopeID == scope.id }) { narrowed[endpoint.description] = kept }
    }
    index = PathIndex()
    for position in endpoints.indices {
      if let kept = narrowed[endpoints[position].description] {
        endpoints[position].requirement = .anyOf(kept)
        endpoints[position].isNarrowedByProbe = true
      }
      index.insert(endpoints[position])
    }
    return (endpoints, index)
  }()
}
