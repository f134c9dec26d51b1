import BcshSandboxData

extension SandboxAPI {
  /// Answers one request under `/stores/{hash}/`, in the order BigCommerce checks things:
  /// credentials (401), token and store belonging together (403), rate limit (429), path form,
  /// endpoint, scope (403) before resource lookup (404/422).
  ///
  /// - Parameter path: the segments after the hash (`["v3", "catalog", "products"]`).
  func respondToStore(
    _ request: SandboxRequest, hash: String, path: [Substring], at now: ContinuousClock.Instant
  ) -> SandboxResponse {
    let store = configuration.store(hash: hash)
    let peek = { store.map { self.storeLimiter.peek($0.hash, at: now).headers } ?? [] }

    guard let token = token(of: request) else { return ErrorBody.unauthorized.adding(peek()) }
    guard let store, token.storeHash == store.hash else { return ErrorBody.missingScope.adding(peek()) }

    let limit = storeLimiter.take(store.hash, at: now)
    guard limit.allowed else {
      return ErrorBody.problem(429, "Too many requests: the store's rate limit is used up").adding(
        limit.headers)
    }
    let response =
      respondToStorefrontTokens(request, store: store, token: token, path: path)
      ?? respondToEndpoint(request, store: store, token: token, path: path)
    return response.adding(limit.headers)
  }

  private func respondToEndpoint(
    _ request: SandboxRequest, store: SandboxStore, token: SandboxToken, path: [Substring]
  ) -> SandboxResponse {
    if path.count > 1, path.last == "" { return ErrorBody.authenticationRequired }
    guard let first = path.first, let version = StoreRoute.Version(rawValue: String(first)),
      let (route, parameters) = StoreRoutes.route(for: version, Array(path.dropFirst()))
    else { return ErrorBody.notFound() }
    guard route.isGranted(to: token.scopes) else { return ErrorBody.missingScope }
    guard request.method == "GET" || request.method == "HEAD" else {
      return ErrorBody.problem(405, "The sandbox serves reads only; \(request.method) is not allowed here")
        .adding([("Allow", "GET")])
    }
    return route.respond(
      StoreRoute.Context(store: store, token: token, parameters: parameters, query: request.query))
  }
}
