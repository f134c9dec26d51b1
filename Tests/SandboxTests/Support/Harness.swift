import BcshFormats
import BcshHTTP
import BcshModel
import BcshPorts
import BcshSandbox
import BcshSandboxData
import BcshShell
import BcshVerify
import Foundation

/// Starts a sandbox, hands its base URL and a fresh transport to `body`, and tears both down.
@discardableResult
func withSandbox<Result>(
  _ configuration: SandboxConfiguration = .roomy, tls: SandboxTLS? = nil, trustRootsPEMFile: String? = nil,
  _ body: (_ sandbox: SandboxClient) async throws -> Result
) async throws -> Result {
  let server = SandboxServer(configuration: configuration, tls: tls)
  _ = try await server.start()
  let transport = AsyncHTTPTransport(trustRootsPEMFile: trustRootsPEMFile)
  do {
    let result = try await body(SandboxClient(baseURL: server.baseURL, transport: transport))
    await transport.shutdown()
    try await server.stop()
    return result
  } catch {
    await transport.shutdown()
    try? await server.stop()
    throw error
  }
}

/// Sends requests to one sandbox with the real transport.
struct SandboxClient: Sendable {
  let baseURL: String
  let transport: AsyncHTTPTransport

  /// `GET {base}/stores/{hash}{path}` with `X-Auth-Token`, as verify sends it.
  func get(
    _ path: String, store: String = SandboxConfiguration.demoStoreHash, token: String?,
    timeout: Duration = .seconds(30)
  ) async throws -> HTTPResponse {
    var headers = [(name: "Accept", value: "application/json")]
    if let token { headers.append((name: "X-Auth-Token", value: token)) }
    return try await transport.send(
      HTTPRequest(method: .get, url: "\(baseURL)/stores/\(store)\(path)", headers: headers),
      deadline: .now + timeout)
  }

  /// `POST {base}/accounts/{uuid}/graphql` with the liveness query.
  func accountQuery(
    uuid: String = SandboxConfiguration.demoAccountUUID, token: String?,
    query: String = "query { account { id } }"
  ) async throws -> HTTPResponse {
    var headers = [(name: "Content-Type", value: "application/json")]
    if let token { headers.append((name: "X-Auth-Token", value: token)) }
    let body = try JSONSerialization.data(withJSONObject: ["query": query])
    return try await transport.send(
      HTTPRequest(
        method: .post, url: "\(baseURL)/accounts/\(uuid)/graphql", headers: headers, body: Array(body)),
      deadline: .now + .seconds(30))
  }
}

extension SandboxConfiguration {
  /// The demo data with a quota large enough that table-driven tests never hit it.
  static var roomy: SandboxConfiguration {
    var configuration = SandboxConfiguration.demo
    configuration.quota = 100_000
    return configuration
  }

  /// The demo token's access token by name; fails the test loudly when the name is missing.
  func accessToken(_ name: String) -> String {
    token(named: name)?.accessToken ?? "missing-demo-token-\(name)"
  }
}

extension HTTPResponse {
  var text: String { String(decoding: body, as: UTF8.self) }

  /// The body parsed as a JSON object, or `nil`.
  var jsonObject: [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
  }

  func intHeader(_ name: String) -> Int? { header(name).flatMap { Int($0) } }
}

/// The exact 403 body BigCommerce sends for a missing scope (docs/bigcommerce.md, "Verifying without
/// writing").
let missingScopeBody =
  #"{"status":403,"title":"You don't have a required scope to access the endpoint","type":"https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes","errors":{}}"#
