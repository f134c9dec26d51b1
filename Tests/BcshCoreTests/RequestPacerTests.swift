import Synchronization
import TestSupport
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// Rate limits, backoff and the deadline (docs/bigcommerce.md, "Rate limits") on a clock that moves
/// only when the pacer waits: every wait is checked, none takes real time.
@Suite struct RequestPacerTests {
  static let request = HTTPRequest(method: .get, url: "https://api.bigcommerce.com/stores/abc123/v3/hooks")

  /// A pacer over `answers` (the last one repeats), with the deadline `timeout` from the clock's now.
  func pacer(
    _ answers: [HTTPResponse], clock: ManualClock, timeout: Duration = .seconds(60)
  ) -> (RequestPacer, ScriptedTransport) {
    let transport = ScriptedTransport(answers)
    return (RequestPacer(transport: transport, clock: clock, deadline: clock.now + timeout), transport)
  }

  @Test func a429WaitsAsItsHeadersSayThenRetries() async throws {
    let clock = ManualClock()
    let (pacer, transport) = pacer(
      [
        HTTPResponse(status: 429, headers: [("X-Rate-Limit-Time-Reset-Ms", "1500"), ("X-Retry-After", "1")]),
        HTTPResponse(status: 200),
      ], clock: clock)
    let response = try await pacer.send(Self.request)
    #expect(response.status == 200)
    #expect(transport.requests == 2)
    // The longer of the reset (1.5 s) and X-Retry-After (1 s), and 50 ms to spare.
    #expect(clock.sleeps == [.milliseconds(1550)])
  }

  @Test func a429ForeverEndsAfterFourAttemptsWithGrowingWaits() async throws {
    let clock = ManualClock()
    let (pacer, transport) = pacer([HTTPResponse(status: 429)], clock: clock)
    await #expect(throws: RequestPacer.Failure.rateLimitedRepeatedly(attempts: 4)) {
      try await pacer.send(Self.request)
    }
    #expect(transport.requests == 4)
    // Backoff with up to 50 % jitter: 250 ms, 500 ms, 1 s.
    let sleeps = clock.sleeps
    #expect(sleeps.count == 3)
    for (sleep, base) in zip(sleeps, [250, 500, 1000]) {
      #expect(sleep >= .milliseconds(base) && sleep <= .milliseconds(base * 3 / 2))
    }
  }

  @Test func bogusRateLimitHeadersStillBackOff() async throws {
    let clock = ManualClock()
    let (pacer, transport) = pacer(
      [
        HTTPResponse(
          status: 429,
          headers: [("X-Rate-Limit-Time-Reset-Ms", "-5000"), ("X-Retry-After", "99999999999999999999")])
      ], clock: clock)
    await #expect(throws: RequestPacer.Failure.rateLimitedRepeatedly(attempts: 4)) {
      try await pacer.send(Self.request)
    }
    #expect(transport.requests == 4)
    #expect(clock.elapsed >= .milliseconds(1750) && clock.elapsed <= .milliseconds(2625))
  }

  @Test func serverErrorsBackOffAndA503IsNotRetried() async throws {
    let clock = ManualClock()
    let (pacer, transport) = pacer([HTTPResponse(status: 502)], clock: clock)
    await #expect(throws: RequestPacer.Failure.serverErrors(status: 502)) {
      try await pacer.send(Self.request)
    }
    #expect(transport.requests == 4)
    #expect(clock.sleeps.count == 3)

    let down = ManualClock()
    let (once, sent) = self.pacer([HTTPResponse(status: 503)], clock: down)
    #expect(try await once.send(Self.request).status == 503)
    #expect(sent.requests == 1)
    #expect(down.sleeps.isEmpty)
  }

  @Test func aWaitThatWouldOutlastTheDeadlineFailsAtOnce() async throws {
    let clock = ManualClock()
    let (pacer, transport) = pacer(
      [HTTPResponse(status: 429, headers: [("X-Rate-Limit-Time-Reset-Ms", "60000")])], clock: clock,
      timeout: .seconds(2))
    await #expect(throws: RequestPacer.Failure.rateLimited) { try await pacer.send(Self.request) }
    #expect(transport.requests == 1)
    #expect(clock.sleeps.isEmpty)
  }

  /// When the requests left fall to a tenth of the quota, the next request waits for the window.
  @Test func itLeavesAReserveOfTheQuotaForTheStoresOtherApps() async throws {
    let clock = ManualClock()
    let window = [("X-Rate-Limit-Requests-Quota", "10"), ("X-Rate-Limit-Time-Reset-Ms", "3000")]
    let (pacer, transport) = pacer(
      [
        HTTPResponse(status: 200, headers: window + [("X-Rate-Limit-Requests-Left", "2")]),
        HTTPResponse(status: 200, headers: window + [("X-Rate-Limit-Requests-Left", "1")]),
        HTTPResponse(status: 200, headers: [("X-Rate-Limit-Requests-Left", "9")]),
      ], clock: clock)
    _ = try await pacer.send(Self.request)
    #expect(clock.sleeps.isEmpty)
    _ = try await pacer.send(Self.request)
    #expect(clock.sleeps.isEmpty)
    // One left is the reserve: wait out the window (3 s, and 50 ms to spare), then send.
    _ = try await pacer.send(Self.request)
    #expect(clock.sleeps == [.milliseconds(3050)])
    #expect(transport.requests == 3)
  }

  /// A verify's own probes that the store's quota cannot carry before the deadline fail at once,
  /// with how long they need and the --timeout that would do, not after waiting for the deadline.
  @Test func probesTheQuotaCannotCarryFailAtOnceWithTheTimeoutThatWouldDo() async throws {
    let clock = ManualClock()
    let quota: [(String, String)] = [
      ("X-Rate-Limit-Requests-Quota", "12"), ("X-Rate-Limit-Time-Window-Ms", "1000"),
      ("X-Rate-Limit-Requests-Left", "11"), ("X-Rate-Limit-Time-Reset-Ms", "1000"),
    ]
    let transport = ScriptedTransport([HTTPResponse(status: 200, headers: quota)])
    let pacer = RequestPacer(
      transport: transport, clock: clock, deadline: clock.now + .seconds(5), deadlineParts: 2)
    _ = try await pacer.send(Self.request)
    // 11 a window (one kept for other apps) and 10 left in this one: 40 fit in 3.15 s.
    try await pacer.plan(40)
    do {
      try await pacer.plan(40)
      Issue.record("80 requests at 10 a second do not fit in 5 seconds")
    } catch {
      guard case .quotaNeedsTime(let estimate) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(estimate.requests == 80)
      #expect(estimate.quotaDescription == "12 per 1 s")
      // 70 beyond this window's 10: 7 windows of 11, 7.35 s with the margins.
      #expect(estimate.seconds == 8)
      // The deadline was made of two rounds: each needs 3.7 s, 4.6 s with a quarter to spare.
      #expect(estimate.elapsed == .zero)
      #expect(estimate.suggestedTimeout == 5)
    }
    #expect(clock.sleeps.isEmpty)
    #expect(transport.requests == 1)
  }
}

extension RequestPacer.Failure: Equatable {
  public static func == (lhs: Self, rhs: Self) -> Bool {
    switch (lhs, rhs) {
    case (.rateLimited, .rateLimited): true
    case (.rateLimitedRepeatedly(let left), .rateLimitedRepeatedly(let right)): left == right
    case (.serverErrors(let left), .serverErrors(let right)): left == right
    case (.transport(let left), .transport(let right)): left == right
    case (.quotaNeedsTime(let left), .quotaNeedsTime(let right)): left == right
    default: false
    }
  }
}

/// Answers from a script, one response per request (the last one repeats); sends nothing.
final class ScriptedTransport: HTTPTransport {
  private let answers: [HTTPResponse]
  private let sent = Mutex(0)

  init(_ answers: [HTTPResponse]) { self.answers = answers }

  func send(_ request: HTTPRequest, deadline: ContinuousClock.Instant) async throws -> HTTPResponse {
    let index = sent.withLock { count in
      defer { count += 1 }
      return count
    }
    return answers[min(index, answers.count - 1)]
  }

  func shutdown() async {}

  var requests: Int { sent.withLock { $0 } }
}
