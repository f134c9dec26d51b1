/// The sandbox's API, apart from the network: turns one request into one response.
///
/// Holds the configuration and the rate-limit counters; safe to call from any event loop.
final class SandboxAPI: Sendable {
  let configuration: SandboxConfiguration
  let storeLimiter: FixedWindowLimiter
  let accountLimiter: FixedWindowLimiter

  static let hourMilliseconds = 3_600_000

  init(configuration: SandboxConfiguration) {
    self.configuration = configuration
    self.storeLimiter = FixedWindowLimiter(
      quota: configuration.quota, windowMilliseconds: configuration.windowMilliseconds)
    self.accountLimiter = FixedWindowLimiter(
      quota: configuration.accountQuotaPerHour, windowMilliseconds: Self.hourMilliseconds)
  }

  /// Answers `/stores/{hash}/...` and `/accounts/{uuid}/graphql`; anything else is a 404.
  func respond(to request: SandboxRequest, at now: ContinuousClock.Instant = .now) -> SandboxResponse {
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
