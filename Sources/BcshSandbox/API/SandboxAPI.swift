import BcshSandboxData
import FoundationEssentials

/// The sandbox's API, apart from the network: turns one request into one response.
///
/// Holds the configuration and the rate-limit counters; safe to call from any event loop.
final class SandboxAPI: Sendable {
  let configuration: SandboxConfiguration
  let storeLimiter: FixedWindowLimiter
  let accountLimiter: FixedWindowLimiter
  /// The storefront API tokens minted so far.
  let storefrontTokens = StorefrontTokenLedger()
  /// Unix seconds now: when a storefront token was minted, and whether it has expired.
  let wallClock: @Sendable () -> Int

  static let hourMilliseconds = 3_600_000

  init(
    configuration: SandboxConfiguration,
    wallClock: @escaping @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }
  ) {
    self.configuration = configuration
    self.wallClock = wallClock
    self.storeLimiter = FixedWindowLimiter(
      quota: configuration.quota, windowMilliseconds: configuration.windowMilliseconds)
    self.accountLimiter = FixedWindowLimiter(
      quota: configuration.accountQuotaPerHour, windowMilliseconds: Self.hourMilliseconds)
  }

  /// Answers `/stores/{hash}/...`, `/accounts/{uuid}/graphql` and the storefront's `/graphql`;
  /// anything else is a 404.
  func respond(to request: SandboxRequest, at now: ContinuousClock.Instant = .now) -> SandboxResponse {
    if request.path == "/graphql" { return respondToStorefrontGraphQL(request) }
    let segments = request.path.split(separator: "/", omittingEmptySubsequences: false)
    guard segments.count >= 3, segments[0].isEmpty else { return ErrorBody.notFound() }
    switch segments[1] {
    case "stores":
      return respondToStore(request, hash: String(segments[2]), path: Array(segments.dropFirst(3)), at: now)
    case "accounts" where segments.count == 4 && segments[3] == "graphql":
      return respondToAccount(request, uuid: String(segments[2]), at: now)
    default:
      return ErrorBody.notFound()
    }
  }

  /// The token named by `X-Auth-Token` (`X-Auth-Client` is deprecated and ignored, as by BigCommerce).
  func token(of request: SandboxRequest) -> SandboxToken? {
    guard let value = request.header("X-Auth-Token"), !value.isEmpty else { return nil }
    return configuration.token(accessToken: value.trimmingSpaces)
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
