import BcshModel

/// The time verify reads and waits by: rate-limit waits, backoff and the deadline. Production uses
/// `SystemPacingClock`; a test hands in a clock that moves only when verify waits, so that a
/// minute of backoff takes no real time and the waits can be checked one by one.
public protocol PacingClock: Sendable {
  var now: ContinuousClock.Instant { get }
  /// Waits `duration`; throws when the task is cancelled.
  func sleep(for duration: Duration) async throws
}
