import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

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
