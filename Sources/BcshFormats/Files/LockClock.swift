import BcshModel
import BcshPorts

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The time a wait for a folder lock reads and passes: the system's for every save; a test hands in
/// one that moves only when the wait pauses, and so learns each pause as it happens.
struct LockClock: Sendable {
  var now: @Sendable () -> ContinuousClock.Instant
  /// Waits `duration` before the next try.
  var pause: @Sendable (Duration) -> Void

  static let system = LockClock(
    now: { .now },
    pause: { duration in
      var rest = timespec(
        tv_sec: Int(duration.components.seconds),
        tv_nsec: Int(duration.components.attoseconds / 1_000_000_000))
      nanosleep(&rest, nil)
    })
}
