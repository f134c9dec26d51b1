import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
import Synchronization

/// A clock for verify that moves only when verify waits: each `sleep` returns at once and moves
/// the clock on by its duration. Rate-limit waits and backoff take no real time, and a test reads
/// every wait in `sleeps`.
public final class ManualClock: PacingClock {
  private let start = ContinuousClock.now
  private let state = Mutex<(elapsed: Duration, sleeps: [Duration])>((.zero, []))

  public init() {}

  public var now: ContinuousClock.Instant { start + state.withLock { $0.elapsed } }

  public func sleep(for duration: Duration) async throws {
    try Task.checkCancellation()
    state.withLock { state in
      state.elapsed += duration
      state.sleeps.append(duration)
    }
  }

  /// Every wait so far, in order.
  public var sleeps: [Duration] { state.withLock { $0.sleeps } }

  /// How far the clock has moved.
  public var elapsed: Duration { state.withLock { $0.elapsed } }
}
