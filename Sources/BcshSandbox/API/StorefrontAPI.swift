import BcshSandboxData
import JSONText

/// The GraphQL Storefront API tokens as the reference describes them (docs/bigcommerce.md,
/// "GraphQL Storefront tokens"): the three create endpoints, revoke, and the storefront's
/// `/graphql` answering the one query bcsh's verify sends.
extension SandboxAPI {
  /// The kinds, by the last segment of their create path.
  static let storefrontKinds: [String: (kind: String, scope: String)] = [
    "api-token": ("storefront", "store_storefront_api"),
    "api-token-private": ("private", "store_storefront_api"),
    "api-token-customer-impersonation": ("impersonation", "store_storefront_api_customer_impersonation"),
  ]

  /// `POST /v3/storefront/api-token[-private|-customer-impersonation]` and `DELETE
  /// /v3/storefront/api-token`, after the store's credentials and rate limit were checked; nil for
  /// any other path.
  func respondToStorefrontTokens(
    _ request: SandboxRequest, store: SandboxStore, token: SandboxToken, path: [Substring]
  ) -> SandboxResponse? {
    guard path.count == 3, path[0] == "v3", path[1] == "storefront",
      let (kind, scope) = Self.storefrontKinds[String(path[2])]
    else { return nil }
    switch (request.method, kind) {
    case ("POST", _):
      guard token.scopes.contains(scope) else { return ErrorBody.missingScope }
      return mint(kind, request: request, store: store)
    case ("DELETE", "storefront"):
      guard token.scopes.contains(scope) else { return ErrorBody.missingScope }
      guard let jwt = request.header("Sf-Api-Token"), !jwt.isEmpty else {
        return ErrorBody.problem(422, "Invalid JWT Token provided or missing JWT token header")
      }
      guard storefrontTokens.revoke(jwt, of: store.hash) else {
        return ErrorBody.problem(422, "Invalid JWT Token provided or missing JWT token header")
      }
      return SandboxResponse(status: 200)
    default:
      let allowed = kind == "storefront" ? "POST, DELETE" : "POST"
      return ErrorBody.problem(405, "\(request.method) is not allowed here").adding([("Allow", allowed)])
    }
  }

  /// Checks a create body by the reference's schema, then mints: 422 names the first problem.
  private func mint(_ kind: String, request: SandboxRequest, store: SandboxStore) -> SandboxResponse {
    func invalid(_ detail: String) -> SandboxResponse {
      ErrorBody.problem(422, "Invalid JSON request body - missing or invalid data: \(detail)")
    }
    guard let body = try? JSONReader.value(request.body), case .object(let members) = body else {
      return invalid("the body is not a JSON object")
    }
    let known: Set<String> =
      switch kind {
      case "storefront": ["expires_at", "channel_id", "channel_ids", "allowed_cors_origins"]
      case "private": ["expires_at", "channel_id", "channel_ids", "scopes"]
      default: ["expires_at", "channel_id", "channel_ids"]
      }
    if let unknown = members.first(where: { !known.contains($0.0) }) {
      return invalid("\(unknown.0) is not a field of this request")
    }
    guard let expiresAt = body["expires_at"]?.integer, expiresAt >= 0 else {
      return invalid("expires_at must be an integer of Unix seconds")
    }
    let channels: [Int]
    switch (body["channel_id"], body["channel_ids"]) {
    case (let single?, nil):
      guard let id = single.integer, id >= 1 else { return invalid("channel_id must be an integer from 1") }
      channels = [id]
    case (nil, let list?):
      guard let elements = list.elements, !elements.isEmpty,
        case let ids = elements.compactMap(\.integer), ids.count == elements.count
      else { return invalid("channel_ids must be an array of integers") }
      channels = ids
    case (nil, nil): return invalid("one of channel_id and channel_ids is required")
    default: return invalid("channel_id and channel_ids cannot both be sent")
    }
    let storeChannels = Set(StoreResources.channels(store).compactMap { $0["id"]?.integer })
    if let unknown = channels.first(where: { !storeChannels.contains($0) }) {
      return invalid("channel \(unknown) is not a channel of this store")
    }
    var origins: [String] = []
    if let value = body["allowed_cors_origins"] {
      guard let elements = value.elements, (1...2).contains(elements.count),
        case let texts = elements.compactMap(\.string), texts.count == elements.count, !texts.contains("")
      else { return invalid("allowed_cors_origins takes one or two non-empty strings") }
      origins = texts
    }
    var scopes: [String] = []
    if kind == "private" {
      let allowed: Set<String> = ["Unauthenticated", "Customer", "B2B"]
      guard let elements = body["scopes"]?.elements, !elements.isEmpty,
        case let names = elements.compactMap(\.string), names.count == elements.count,
        names.allSatisfy(allowed.contains)
      else { return invalid("scopes must list one or more of Unauthenticated, Customer, B2B") }
      scopes = names
    }
    let entry = StorefrontTokenLedger.Entry(
      kind: kind, storeHash: store.hash, channels: channels, expiresAt: expiresAt, origins: origins,
      scopes: scopes)
    let jwt = storefrontTokens.mint(entry, issuedAt: wallClock())
    return .json(200, .object([("data", .object([("token", .string(jwt))])), ("meta", .object([]))]))
  }

  /// `POST /graphql` on the storefront: `Authorization: Bearer TOKEN` with a token the sandbox
  /// minted, unexpired and not revoked, and the query `{ site { settings { storeName } } }`. A
  /// private token without `Unauthenticated` gets INSUFFICIENT_ACCESS_SCOPE.
  func respondToStorefrontGraphQL(_ request: SandboxRequest) -> SandboxResponse {
    guard request.method == "POST" else {
      return ErrorBody.problem(405, "GraphQL requests must be POST").adding([("Allow", "POST")])
    }
    let bearer = request.header("Authorization").flatMap { value in
      value.hasPrefix("Bearer ") ? String(value.dropFirst(7)) : nil
    }
    guard let bearer, let entry = storefrontTokens.entry(for: bearer), !entry.revoked,
      entry.expiresAt > wallClock(), let store = configuration.store(hash: entry.storeHash)
    else {
      return .json(401, Self.storefrontError("Invalid token: it is unknown, expired or revoked", code: nil))
    }
    // graphql-storefront.mdx: private and impersonation tokens are refused from browsers (which
    // send Origin); storefront tokens created after 2026-06-30 are refused server to server, and
    // older ones after 2027-03-31. How the API answers is not documented: the sandbox says 403.
    let fromBrowser = request.header("Origin") != nil
    if fromBrowser && entry.kind != "storefront" {
      return .json(
        403, Self.storefrontError("\(entry.kind) tokens are rejected from web browsers", code: nil))
    }
    if !fromBrowser && entry.kind == "storefront"
      && (entry.issuedAt > Self.serverToServerCreationCutoff || wallClock() > Self.serverToServerEnd)
    {
      return .json(
        403,
        Self.storefrontError(
          "storefront tokens created after June 30th, 2026 do not support server-to-server use", code: nil))
    }
    guard let query = GraphQLQuery(body: request.body) else {
      return .json(400, Self.storefrontError("Request body must be JSON with a \"query\" string", code: nil))
    }
    guard
      query.compact == "{site{settings{storeName}}}" || query.compact == "query{site{settings{storeName}}}"
    else {
      return .json(
        200, Self.storefrontError("The sandbox answers only `{ site { settings { storeName } } }`", code: nil)
      )
    }
    if entry.kind == "private" && !entry.scopes.contains("Unauthenticated") {
      return .json(
        200,
        Self.storefrontError(
          "The provided token does not include the scopes required to resolve this field.", code: "site"))
    }
    let settings: JSONValue = .object([("storeName", .string(store.name))])
    return .json(200, .object([("data", .object([("site", .object([("settings", settings)]))]))]))
  }

  /// 2026-06-30T23:59:59Z and 2027-03-31T23:59:59Z, Unix seconds.
  static let serverToServerCreationCutoff = 1_782_863_999
  static let serverToServerEnd = 1_806_537_599

  /// A GraphQL error answer; with `path`, INSUFFICIENT_ACCESS_SCOPE for that field, requiring
  /// `Unauthenticated`.
  private static func storefrontError(_ message: String, code path: String?) -> JSONValue {
    var error: [(String, JSONValue)] = [("message", .string(message))]
    if let path {
      error.append(("path", .array([.string(path)])))
      error.append(
        (
          "extensions",
          .object([
            ("code", "INSUFFICIENT_ACCESS_SCOPE"), ("requiredScopes", .array(["Unauthenticated"])),
          ])
        ))
    }
    return .object([("data", .null), ("errors", .array([.object(error)]))])
  }
}
