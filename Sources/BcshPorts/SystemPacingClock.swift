import BcshModel

/// The system's continuous clock: real time.
public struct SystemPacingClock: PacingClock {
  public init() {}

  public var now: ContinuousClock.Instant { .now }

  public func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }
}
