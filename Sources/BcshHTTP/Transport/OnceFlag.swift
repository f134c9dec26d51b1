import NIOConcurrencyHelpers

/// A flag that exactly one caller, from any thread, gets to claim.
final class OnceFlag: @unchecked Sendable {
  private let lock = NIOLock()
  private var claimed = false

  /// `true` for the first caller only.
  func claim() -> Bool {
    lock.withLock {
      defer { claimed = true }
      return !claimed
    }
  }
}
