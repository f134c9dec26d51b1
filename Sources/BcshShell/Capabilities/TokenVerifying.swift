import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// The capability to check tokens against the live API.
public protocol TokenVerifying: Sendable {
  /// The reports of verifying `tokens`, given their offline reports (`Verifier.offlineReport`):
  /// requests are sent only when some token has what verify needs. Progress goes to `events` as
  /// answers arrive (for a terminal to show); the caller finishes the stream.
  func verify(
    _ tokens: [Token], offline: [VerifyReport], scopes: ScopeSelection, timeout: Duration,
    events: AsyncStream<VerifyEvent>.Continuation?
  ) async throws(BcshError) -> [VerifyReport]
}

extension TokenVerifying {
  /// Verifies without telling progress.
  public func verify(_ tokens: [Token], offline: [VerifyReport], scopes: ScopeSelection, timeout: Duration)
    async throws(BcshError) -> [VerifyReport]
  {
    try await verify(tokens, offline: offline, scopes: scopes, timeout: timeout, events: nil)
  }
}
