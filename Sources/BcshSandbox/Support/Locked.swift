import NIOConcurrencyHelpers

/// A value guarded by a lock, shared between event-loop threads and async callers.
///
/// `Mutex` from the Synchronization module would do, but needs macOS 15; the package supports 13.
final class Locked<Value>: @unchecked Sendable {
  private let lock = NIOLock()
  private var value: Value

  init(_ value: Value) {
    self.value = value
  }

  /// Runs `body` with exclusive access to the value.
  func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
