import BcshFormats
import BcshModel
import BcshPorts

/// Sends requests within the store's rate limit (docs/bigcommerce.md, "Rate limits"): it slows
/// down when `X-Rate-Limit-Requests-Left` runs low, waits as a 429's headers say (the longer of
/// the reset and `X-Retry-After`), backs off with jitter on 5xx and on a 429 without headers, and
/// bounds every wait by the verify's one deadline and every loop by a count.
actor RequestPacer {
  private let transport: any HTTPTransport
  private let clock: any PacingClock
  private let deadline: ContinuousClock.Instant
  /// When the pacer was made, the verify's start: an estimate counts the time already spent.
  private let started: ContinuousClock.Instant
  private let maximumAttempts: Int
  private var requestsLeft: Int?
  private var quota: Int?
  private var windowResetsAt: ContinuousClock.Instant?
  private var window: Duration?
  private var inFlight = 0
  /// The requests the verifies sharing this pacer said they will send, beyond those already sent.
  private var planned = 0
  /// How many parts the deadline was made of (`verify --all`'s rounds of four tokens), to turn an
  /// estimate into the `--timeout` that would do.
  private let deadlineParts: Int
  /// Whether a 500, 502 or 504 is sent again: not for a request that creates something, which
  /// the server may have done before it failed.
  private let retriesServerErrors: Bool

  /// Why a request got no usable answer: what the transport threw, or a status after retries.
  enum Failure: Error {
    case transport(TransportError)
    /// A wait for the quota would have outlasted the deadline.
    case rateLimited
    /// Every attempt was answered 429.
    case rateLimitedRepeatedly(attempts: Int)
    /// This verify's own requests need more of the store's quota than the deadline leaves time for.
    case quotaNeedsTime(QuotaEstimate)
    case serverErrors(status: Int)
  }

  init(
    transport: any HTTPTransport, clock: any PacingClock = SystemPacingClock(),
    deadline: ContinuousClock.Instant,
    deadlineParts: Int = 1,
    maximumAttempts: Int = 4,
    retriesServerErrors: Bool = true
  ) {
    self.retriesServerErrors = retriesServerErrors
    self.transport = transport
    self.clock = clock
    self.deadline = deadline
    self.started = clock.now
    self.deadlineParts = max(1, deadlineParts)
    self.maximumAttempts = maximumAttempts
  }

  /// Announces `requests` more requests (a token's probes, once its liveness answered and told the
  /// store's quota). When the quota cannot carry every announced request before the deadline, the
  /// verify fails now, saying how long they need, instead of after waiting for the deadline and
  /// blaming the store's other apps for the quota bcsh itself used.
  func plan(_ requests: Int) throws(Failure) {
    planned += requests
    guard let estimate = estimate(), clock.now + estimate.duration >= deadline else { return }
    planned -= requests
    throw .quotaNeedsTime(estimate)
  }

  /// How long the announced requests take at the store's quota, keeping the reserve for other
  /// apps: what is left of this window first, then whole windows. Nil until an answer told the
  /// quota and its window, or when they fit in what this window has left.
  private func estimate() -> QuotaEstimate? {
    guard let quota, let window, let left = requestsLeft, let resetsAt = windowResetsAt else { return nil }
    let usable = max(1, quota - max(1, quota / 10))
    let now = clock.now
    let leftNow = resetsAt > now ? max(0, left - max(1, quota / 10) - inFlight) : usable
    guard planned > leftNow else { return nil }
    let windows = (planned - leftNow + usable - 1) / usable
    let duration =
      (resetsAt > now ? resetsAt - now : .zero) + window * (windows - 1) + .milliseconds(50 * windows)
    return QuotaEstimate(
      requests: planned, quota: quota, window: window, duration: duration, elapsed: now - started,
      deadlineParts: deadlineParts)
  }

  /// Sends `request`, retrying 429 and 5xx answers within bounds. Any other status is returned.
  func send(_ request: HTTPRequest) async throws(Failure) -> HTTPResponse {
    var attempt = 0
    while true {
      attempt += 1
      try await waitForQuota()
      if attempt == 1 { planned = max(0, planned - 1) }
      inFlight += 1
      let response: HTTPResponse
      do {
        response = try await transport.send(request, deadline: deadline)
      } catch let error as TransportError {
        inFlight -= 1
        throw .transport(error)
      } catch {
        inFlight -= 1
        throw .transport(.other("\(error)"))
      }
      inFlight -= 1
      observe(response)
      switch response.status {
      case 429:
        guard attempt < maximumAttempts else { throw .rateLimitedRepeatedly(attempts: attempt) }
        try await pause(for: rateLimitWait(response, attempt: attempt), or: .rateLimited)
      // 503 means the store is down, suspended or in maintenance: retrying does not help.
      case 500, 502, 504:
        guard retriesServerErrors, attempt < maximumAttempts else {
          throw .serverErrors(status: response.status)
        }
        try await pause(for: backoff(attempt: attempt), or: .serverErrors(status: response.status))
      default:
        return response
      }
    }
  }

  /// Keeps a margin of the shared quota for the store's other apps: when the requests left (minus
  /// those in flight) fall to the reserve, wait for the window to reset.
  private func waitForQuota() async throws(Failure) {
    for _ in 0..<maximumAttempts * 4 {
      guard let left = requestsLeft, let resetsAt = windowResetsAt else { return }
      let reserve = max(1, (quota ?? 0) / 10)
      guard left - inFlight <= reserve else { return }
      let now = clock.now
      guard resetsAt > now else {
        requestsLeft = nil
        return
      }
      try await pause(
        for: resetsAt - now + .milliseconds(50), or: estimate().map(Failure.quotaNeedsTime) ?? .rateLimited)
      if windowResetsAt == resetsAt { requestsLeft = nil }
    }
  }

  private func observe(_ response: HTTPResponse) {
    if let left = response.header("X-Rate-Limit-Requests-Left").flatMap(Int.init) {
      requestsLeft = min(left, requestsLeft ?? left)
      if let resetMs = Self.milliseconds(response.header("X-Rate-Limit-Time-Reset-Ms"), scale: 1) {
        let resetsAt = clock.now + .milliseconds(resetMs)
        if let known = windowResetsAt, resetsAt > known + .milliseconds(500) {
          // A new window: its count replaces the old one's.
          requestsLeft = left
        }
        windowResetsAt = resetsAt
      }
    }
    if let quota = response.header("X-Rate-Limit-Requests-Quota").flatMap(Int.init), quota > 0 {
      self.quota = quota
    }
    if let windowMs = Self.milliseconds(response.header("X-Rate-Limit-Time-Window-Ms"), scale: 1),
      windowMs > 0
    {
      window = .milliseconds(windowMs)
    }
  }

  /// The longer of `X-Rate-Limit-Time-Reset-Ms` and `X-Retry-After`, never shorter than the
  /// jittered backoff (a 429 without usable headers means platform load).
  private func rateLimitWait(_ response: HTTPResponse, attempt: Int) -> Duration {
    let reset = Self.milliseconds(response.header("X-Rate-Limit-Time-Reset-Ms"), scale: 1)
    let retry = Self.milliseconds(response.header("X-Retry-After"), scale: 1000)
    let told = [reset, retry].compactMap { $0 }.max().map { Duration.milliseconds($0 + 50) }
    return max(told ?? .zero, backoff(attempt: attempt))
  }

  /// A header's whole number times `scale`, when it is one from 0 to an hour's worth of milliseconds.
  static func milliseconds(_ text: String?, scale: Int) -> Int? {
    guard let value = text.flatMap(Int.init), value >= 0, value <= 3_600_000 / scale else { return nil }
    return value * scale
  }

  /// 250 ms, 500 ms, 1 s, ... with up to 50 % jitter.
  private func backoff(attempt: Int) -> Duration {
    let base = 250 * (1 << min(attempt - 1, 5))
    return .milliseconds(base + Int.random(in: 0...(base / 2)))
  }

  /// Sleeps, unless the sleep would outlast the deadline: then fails with `failure` at once.
  private func pause(for duration: Duration, or failure: Failure) async throws(Failure) {
    guard clock.now + duration < deadline else { throw failure }
    do {
      try await clock.sleep(for: duration)
    } catch {
      throw .transport(.timeout)
    }
  }
}

extension RequestPacer {
  /// The answer to `request`, or what verify says about getting none.
  func answer(_ request: HTTPRequest) async -> Result<HTTPResponse, Diagnosis> {
    do {
      return .success(try await send(request))
    } catch {
      switch error {
      case .rateLimited: return .failure(.rateLimited)
      case .rateLimitedRepeatedly(let attempts): return .failure(.rateLimitedRepeatedly(attempts: attempts))
      case .quotaNeedsTime(let estimate): return .failure(.quotaNeedsTime(estimate))
      case .serverErrors(let status): return .failure(.serverErrors(status: status))
      case .transport(let transportError): return .failure(Verifier.diagnosis(for: transportError))
      }
    }
  }
}
