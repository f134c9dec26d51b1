import Synchronization

/// Counts requests per key (store hash or account UUID) in fixed windows; safe from any thread.
///
/// A window opens with the first request after the previous one ended and lasts `windowMilliseconds`;
/// within it at most `quota` requests are let through. Refused requests are not counted.
final class FixedWindowLimiter: Sendable {
  let quota: Int
  let windowMilliseconds: Int

  private struct Window {
    var start: ContinuousClock.Instant
    var used: Int
  }

  private let windows = Mutex<[String: Window]>([:])

  init(quota: Int, windowMilliseconds: Int) {
    self.quota = max(1, quota)
    self.windowMilliseconds = max(1, windowMilliseconds)
  }

  /// Counts one request for `key` if the quota allows it.
  func take(_ key: String, at now: ContinuousClock.Instant) -> RateLimitStatus {
    windows.withLock { windows in
      var window = current(windows[key], at: now)
      let allowed = window.used < quota
      if allowed { window.used += 1 }
      windows[key] = window
      return status(of: window, allowed: allowed, at: now)
    }
  }

  /// Reports where `key` stands without counting a request.
  func peek(_ key: String, at now: ContinuousClock.Instant) -> RateLimitStatus {
    windows.withLock { windows in
      status(of: current(windows[key], at: now), allowed: true, at: now)
    }
  }

  private var window: Duration { .milliseconds(windowMilliseconds) }

  private func current(_ window: Window?, at now: ContinuousClock.Instant) -> Window {
    guard let window, now < window.start + self.window else { return Window(start: now, used: 0) }
    return window
  }

  private func status(of window: Window, allowed: Bool, at now: ContinuousClock.Instant) -> RateLimitStatus {
    let left = (window.start + self.window) - now
    let (seconds, attoseconds) = left.components
    let milliseconds = Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    return RateLimitStatus(
      allowed: allowed, quota: quota, windowMilliseconds: windowMilliseconds,
      resetMilliseconds: min(windowMilliseconds, max(0, milliseconds)),
      requestsLeft: max(0, quota - window.used))
  }
}
