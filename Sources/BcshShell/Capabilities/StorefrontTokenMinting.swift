import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// The capability to mint and revoke GraphQL Storefront API tokens through the REST API.
public protocol StorefrontTokenMinting: Sendable {
  /// Mints a token with the API account `account` (a store-level token with credentials); nil
  /// under `--dry-run`, which sends nothing.
  func mint(_ request: StorefrontTokenRequest, storeHash: String, with account: Secret, timeout: Duration)
    async throws(StorefrontTokenClient.Failure) -> MintedToken?

  /// Revokes `token` with `account`; false under `--dry-run`.
  func revoke(_ token: Secret, storeHash: String, with account: Secret, timeout: Duration)
    async throws(StorefrontTokenClient.Failure) -> Bool
}

/// A token the API minted, and its channel's storefront address when the account could read it.
public struct MintedToken: Sendable {
  public var token: String
  public var site: String?
}

/// Sends the requests: an HTTP transport made for each command, shut down after.
struct LiveStorefrontTokens: StorefrontTokenMinting {
  let makeTransport: @Sendable () throws -> any HTTPTransport
  let clock: any PacingClock
  let apiBase: String

  func mint(_ request: StorefrontTokenRequest, storeHash: String, with account: Secret, timeout: Duration)
    async throws(StorefrontTokenClient.Failure) -> MintedToken?
  {
    let client = try client()
    defer { Task { [transport = client.transport] in await transport.shutdown() } }
    let token = try await client.mint(request, storeHash: storeHash, accessToken: account, timeout: timeout)
    // The site is a convenience for verify: an account that cannot read sites still mints.
    let site = await client.site(
      ofChannel: request.channels[0], storeHash: storeHash, accessToken: account, timeout: timeout)
    return MintedToken(token: token, site: site)
  }

  func revoke(_ token: Secret, storeHash: String, with account: Secret, timeout: Duration)
    async throws(StorefrontTokenClient.Failure) -> Bool
  {
    let client = try client()
    defer { Task { [transport = client.transport] in await transport.shutdown() } }
    try await client.revoke(token, storeHash: storeHash, accessToken: account, timeout: timeout)
    return true
  }

  private func client() throws(StorefrontTokenClient.Failure) -> StorefrontTokenClient {
    do {
      return StorefrontTokenClient(transport: try makeTransport(), apiBase: apiBase, clock: clock)
    } catch {
      throw .unreachable(.transport("cannot start the HTTP client: \(error)"))
    }
  }
}

/// `--dry-run`: the request was checked; nothing is sent.
struct DryRunStorefrontTokens: StorefrontTokenMinting {
  func mint(_ request: StorefrontTokenRequest, storeHash: String, with account: Secret, timeout: Duration)
    async throws(StorefrontTokenClient.Failure) -> MintedToken?
  { nil }

  func revoke(_ token: Secret, storeHash: String, with account: Secret, timeout: Duration)
    async throws(StorefrontTokenClient.Failure) -> Bool
  { false }
}
