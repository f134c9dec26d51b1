/// Where one store (or account) stands in its current rate-limit window.
struct RateLimitStatus: Sendable, Equatable {
  /// Whether the request that asked was let through (and counted).
  var allowed: Bool
  var quota: Int
  var windowMilliseconds: Int
  /// Milliseconds until the window resets.
  var resetMilliseconds: Int
  var requestsLeft: Int

  /// The headers BigCommerce sends on every response; a refused request also gets `X-Retry-After`.
  var headers: [(name: String, value: String)] {
    var headers = [
      ("X-Rate-Limit-Time-Window-Ms", String(windowMilliseconds)),
      ("X-Rate-Limit-Time-Reset-Ms", String(resetMilliseconds)),
      ("X-Rate-Limit-Requests-Quota", String(quota)),
      ("X-Rate-Limit-Requests-Left", String(requestsLeft)),
    ]
    if !allowed {
      headers.append(("X-Retry-After", String(max(1, (resetMilliseconds + 999) / 1000))))
    }
    return headers
  }
}
