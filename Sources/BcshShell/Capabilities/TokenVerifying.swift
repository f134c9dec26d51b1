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

/// Sends the probes: an HTTP transport made when first needed, shut down after.
struct LiveVerification: TokenVerifying {
  let makeTransport: @Sendable () throws -> any HTTPTransport
  let clock: any PacingClock
  let apiBase: String

  func verify(
    _ tokens: [Token], offline: [VerifyReport], scopes: ScopeSelection, timeout: Duration,
    events: AsyncStream<VerifyEvent>.Continuation?
  ) async throws(BcshError) -> [VerifyReport] {
    guard offline.contains(where: { $0.diagnosis == nil }) else { return offline }
    let transport: any HTTPTransport
    do {
      transport = try makeTransport()
    } catch let error as BcshError {
      throw error
    } catch {
      throw BcshError("cannot start the HTTP client: \(error)", code: .network, cause: error)
    }
    var verifier = Verifier(transport: transport, apiBase: apiBase, clock: clock)
    verifier.events = events
    let reports = await verifier.verify(all: tokens, scopes: scopes, timeout: timeout)
    await transport.shutdown()
    if Task.isCancelled {
      throw BcshError("verify interrupted; nothing was recorded", code: .interrupted, status: .interrupted)
    }
    return reports
  }
}

/// `--dry-run`: the offline checks only, each report marked as a dry run; nothing is sent.
struct DryRunVerification: TokenVerifying {
  func verify(
    _ tokens: [Token], offline: [VerifyReport], scopes: ScopeSelection, timeout: Duration,
    events: AsyncStream<VerifyEvent>.Continuation?
  ) async throws(BcshError) -> [VerifyReport] {
    offline.map { report in
      var report = report
      report.dryRun = true
      return report
    }
  }
}
