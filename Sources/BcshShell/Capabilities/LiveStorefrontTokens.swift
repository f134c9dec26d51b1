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
    try await withClient { (client) async throws(StorefrontTokenClient.Failure) in
      let token = try await client.mint(request, storeHash: storeHash, accessToken: account, timeout: timeout)
      // The site is a convenience for verify: an account that cannot read sites still mints.
      let site = await client.site(
        ofChannel: request.channels[0], storeHash: storeHash, accessToken: account, timeout: timeout)
      return MintedToken(token: token, site: site)
    }
  }

  func revoke(_ token: Secret, storeHash: String, with account: Secret, timeout: Duration)
    async throws(StorefrontTokenClient.Failure) -> Bool
  {
    try await withClient { (client) async throws(StorefrontTokenClient.Failure) in
      try await client.revoke(token, storeHash: storeHash, accessToken: account, timeout: timeout)
      return true
    }
  }

  /// What `work` returns with a client on a new transport, which is shut down before returning.
  private func withClient<Result: Sendable>(
    _ work: (StorefrontTokenClient) async throws(StorefrontTokenClient.Failure) -> Result
  ) async throws(StorefrontTokenClient.Failure) -> Result {
    let transport: any HTTPTransport
    do {
      transport = try makeTransport()
    } catch {
      throw .unreachable(.transport("cannot start the HTTP client: \(error)"))
    }
    let outcome: Swift.Result<Result, StorefrontTokenClient.Failure>
    do throws(StorefrontTokenClient.Failure) {
      outcome = .success(
        try await work(StorefrontTokenClient(transport: transport, apiBase: apiBase, clock: clock)))
    } catch {
      outcome = .failure(error)
    }
    await transport.shutdown()
    return try outcome.get()
  }
}
