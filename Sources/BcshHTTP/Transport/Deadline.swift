import BcshCore

/// Runs `operation`, giving up with ``TransportError/timeout`` at `deadline`.
///
/// AsyncHTTPClient's own deadline stops applying once the response head has arrived; this one
/// covers the body too. The operation is cancelled, and awaited, when the deadline wins.
func withDeadline<Value: Sendable>(
  _ deadline: ContinuousClock.Instant, _ operation: @escaping @Sendable () async throws -> Value
) async throws -> Value {
  try await withThrowingTaskGroup(of: Value?.self) { group in
    group.addTask { try await operation() }
    group.addTask {
      try await Task.sleep(until: deadline, clock: .continuous)
      return nil
    }
    defer { group.cancelAll() }
    guard let first = try await group.next(), let value = first else { throw TransportError.timeout }
    return value
  }
}
