import Synchronization

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// A clock for a save's wait on a folder lock that moves only when the wait pauses: each pause
/// returns at once, moves the clock on by its length, and first calls `onPause` (on the saving
/// thread, while the save waits), the test's synchronisation point.
final class SteppedLockClock: Sendable {
  private let start = ContinuousClock.now
  private let state = Mutex<(elapsed: Duration, pauses: Int)>((.zero, 0))
  private let onPause: @Sendable (Int) -> Void

  /// `onPause` is given the pause's number, from 1.
  init(onPause: @escaping @Sendable (Int) -> Void = { _ in }) {
    self.onPause = onPause
  }

  var lockClock: LockClock {
    LockClock(
      now: { [self] in start + state.withLock { $0.elapsed } },
      pause: { [self] duration in
        let number = state.withLock { state in
          state.pauses += 1
          return state.pauses
        }
        onPause(number)
        state.withLock { $0.elapsed += duration }
      })
  }

  /// How many times the wait paused.
  var pauses: Int { state.withLock { $0.pauses } }

  /// How far the clock has moved.
  var elapsed: Duration { state.withLock { $0.elapsed } }
}
