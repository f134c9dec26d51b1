extension EndpointCatalog {
  /// The error for a request no endpoint matches, with the closest endpoint as a hint.
  static func unknownEndpoint(_ request: APIRequest) -> BcshError {
    if request.path == "/graphql" { return graphQLAdmin(request) }
    let methods = methods(at: request.path)
    if !methods.isEmpty {
      return BcshError(
        "no BigCommerce endpoint takes \(ShownWord.quoted(request.description))", code: .unknownName,
        hint: "\(ShownWord.quoted(request.path)) takes \(methods.map(\.rawValue).joined(separator: ", "))",
        at: request.position)
    }
    let hint =
      nearest(request).map { "did you mean '\($0.description)'?" }
      ?? "paths start with /v2/ or /v3/ below the store's API root (GET /v3/catalog/products); "
      + "'scope info SCOPE' lists a scope's endpoints"
    return BcshError(
      "no BigCommerce endpoint matches \(ShownWord.quoted(request.description))", code: .unknownName,
      hint: hint,
      at: request.position)
  }

  /// `/stores/HASH/graphql` is the GraphQL Admin API, which no OpenAPI file covers: what a request
  /// needs depends on the fields it selects, and api-accounts.mdx names only a few scopes for it
  /// alone (docs/bigcommerce.md, "Which scopes a request needs").
  static func graphQLAdmin(_ request: APIRequest) -> BcshError {
    BcshError(
      "'\(request.description)' is the GraphQL Admin API, which the REST reference does not cover: the "
        + "scopes a query needs depend on the fields it selects", code: .unsupported,
      hint:
        "each field needs the scope of its resource, as the REST endpoints do (products: Products; orders: "
        + "Orders; 'scope info SCOPE' lists a scope's REST endpoints); api-accounts.mdx names for the GraphQL "
        + "Admin API alone App Extensions (manage, app-level accounts), Metafield Ownership (manage) and "
        + "Metafields Access (standard, or full for other accounts' metafields)",
      at: request.position)
  }

  /// The endpoint a mistyped request most likely means: the same path with `/v3` or `/v2` in
  /// front, or a template of as many segments whose literal segments are each a likely typo.
  static func nearest(_ request: APIRequest) -> Endpoint? {
    let segments = PathIndex.segments(of: request.path)
    if let first = segments.first, first != "v2", first != "v3" {
      for version in ["v3", "v2"] {
        let candidates = methods(at: "/\(version)/" + segments.joined(separator: "/"))
        if let method = candidates.contains(request.method) ? request.method : candidates.first {
          return endpoint(method, "/\(version)/" + segments.joined(separator: "/"))
        }
      }
    }
    var best: (endpoint: Endpoint, distance: Int)?
    for endpoint in all {
      let template = PathIndex.segments(of: endpoint.template)
      guard template.count == segments.count else { continue }
      var total = endpoint.method == request.method ? 0 : 1
      for (wanted, written) in zip(template, segments) where !PathIndex.isParameter(wanted) {
        let distance = Spelling.distance(String(wanted), String(written))
        if distance > max(1, min(3, wanted.count / 3)) {
          total = Int.max
          break
        }
        total += distance
      }
      if total > 0, total <= 3, total < (best?.distance ?? Int.max) { best = (endpoint, total) }
    }
    return best?.endpoint
  }
}
