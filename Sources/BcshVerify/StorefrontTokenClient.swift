import BcshFormats
import BcshModel
import BcshPorts
import JSONText

/// The REST requests around GraphQL Storefront API tokens (docs/bigcommerce.md, "GraphQL
/// Storefront tokens"), sent with a store-level API account's access token: create, revoke, the
/// store's channels and a channel's site. A create is sent once: a server error after it may have
/// minted a token, so it is reported, never repeated.
public struct StorefrontTokenClient: Sendable {
  public var transport: any HTTPTransport
  /// `https://api.bigcommerce.com` or another base with the same paths (the sandbox).
  public var apiBase: String
  public var clock: any PacingClock
  public var userAgent: String

  public init(
    transport: any HTTPTransport, apiBase: String, clock: any PacingClock = SystemPacingClock(),
    userAgent: String = "bcsh/\(BcshVersion.current)"
  ) {
    self.transport = transport
    self.apiBase = apiBase.hasSuffix("/") ? String(apiBase.dropLast()) : apiBase
    self.clock = clock
    self.userAgent = userAgent
  }

  /// Why a request did not do what it was sent for.
  public enum Failure: Error, Sendable, Equatable {
    /// HTTP 403: the API account lacks the scope the endpoint needs.
    case missingScope
    /// HTTP 401: the access token is not valid for the store.
    case invalidToken
    /// Another answer, with the API's own title of the problem when it gave one (HTTP 422 names
    /// what is wrong with a body).
    case refused(status: Int, detail: String?)
    /// No usable answer.
    case unreachable(Diagnosis)
  }

  /// One of the store's channels.
  public struct Channel: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var type: String?
  }

  /// Mints a token; its string, which the caller masks at once.
  public func mint(
    _ request: StorefrontTokenRequest, storeHash: String, accessToken: Secret, timeout: Duration
  ) async throws(Failure) -> String {
    var http = HTTPRequest(
      method: .post, url: root(storeHash) + request.kind.createPath, headers: headers(accessToken),
      body: Array(request.body.serialized().utf8))
    http.headers.append((name: "Content-Type", value: "application/json"))
    let response = try await send(http, timeout: timeout, retriesServerErrors: false)
    guard response.status == 200 else { throw Self.failure(response) }
    guard let token = json(response.body)?["data"]?["token"]?.string, !token.isEmpty else {
      throw .unreachable(.malformedResponse("the create answer held no data.token"))
    }
    return token
  }

  /// Revokes a token: `DELETE /v3/storefront/api-token` with it in `Sf-Api-Token`.
  public func revoke(_ token: Secret, storeHash: String, accessToken: Secret, timeout: Duration)
    async throws(Failure)
  {
    var request = HTTPRequest(
      method: .delete, url: root(storeHash) + StorefrontTokenKind.storefront.createPath,
      headers: headers(accessToken))
    request.headers.append((name: "Sf-Api-Token", value: token.revealed))
    let response = try await send(request, timeout: timeout, retriesServerErrors: true)
    guard (200..<300).contains(response.status) else { throw Self.failure(response) }
  }

  /// The store's channels (`GET /v3/channels`), for completing `--channel`.
  public func channels(storeHash: String, accessToken: Secret, timeout: Duration) async throws(Failure)
    -> [Channel]
  {
    let response = try await send(
      HTTPRequest(method: .get, url: root(storeHash) + "/v3/channels", headers: headers(accessToken)),
      timeout: timeout, retriesServerErrors: true)
    guard response.status == 200 else { throw Self.failure(response) }
    return (json(response.body)?["data"]?.elements ?? []).compactMap { channel in
      guard let id = channel["id"]?.integer, let name = channel["name"]?.string else { return nil }
      return Channel(id: id, name: name, type: channel["type"]?.string)
    }
  }

  /// The https address of a channel's storefront (`GET /v3/sites?channel_id:in=ID`), or nil when
  /// the account cannot read it or the channel has none.
  public func site(ofChannel channel: Int, storeHash: String, accessToken: Secret, timeout: Duration) async
    -> String?
  {
    let request = HTTPRequest(
      method: .get, url: root(storeHash) + "/v3/sites?channel_id:in=\(channel)", headers: headers(accessToken)
    )
    guard let response = try? await send(request, timeout: timeout, retriesServerErrors: true),
      response.status == 200
    else { return nil }
    // Filtered here too: an answer that ignored the filter still names each site's channel.
    let site = json(response.body)?["data"]?.elements?.first { $0["channel_id"]?.integer == channel }
    guard let url = site?["url"]?.string, url.hasPrefix("https://") else { return nil }
    return url.hasSuffix("/") ? String(url.dropLast()) : url
  }

  // MARK: Requests

  private func root(_ storeHash: String) -> String { "\(apiBase)/stores/\(storeHash)" }

  private func headers(_ accessToken: Secret) -> [(name: String, value: String)] {
    [("X-Auth-Token", accessToken.revealed), ("Accept", "application/json"), ("User-Agent", userAgent)]
  }

  private func send(_ request: HTTPRequest, timeout: Duration, retriesServerErrors: Bool)
    async throws(Failure)
    -> HTTPResponse
  {
    let pacer = RequestPacer(
      transport: transport, clock: clock, deadline: clock.now + timeout,
      retriesServerErrors: retriesServerErrors)
    switch await pacer.answer(request) {
    case .success(let response): return response
    case .failure(let diagnosis): throw .unreachable(diagnosis)
    }
  }

  private func json(_ body: [UInt8]) -> JSONValue? { try? JSONReader.value(body) }

  /// What a status other than success means.
  static func failure(_ response: HTTPResponse) -> Failure {
    switch response.status {
    case 401: return .invalidToken
    case 403: return .missingScope
    case 300..<400:
      return .unreachable(.redirect(status: response.status, location: response.header("Location")))
    default:
      let body = try? JSONReader.value(response.body)
      let detail = body?["title"]?.string ?? body?["detail"]?.string
      return .refused(status: response.status, detail: detail)
    }
  }
}
