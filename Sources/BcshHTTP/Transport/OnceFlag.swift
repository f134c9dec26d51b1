import Foundation

/// A flag that exactly one caller, from any thread, gets to claim.
final class OnceFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var claimed = false

  /// `true` for the first caller only.
  func claim() -> Bool {
    lock.withLock {
      defer { claimed = true }
      return !claimed
    }
  }
}
