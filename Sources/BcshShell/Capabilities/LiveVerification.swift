import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import FoundationEssentials

/// Sends the probes: an HTTP transport made when first needed, shut down after.
struct LiveVerification: TokenVerifying {
  let makeTransport: @Sendable () throws -> any HTTPTransport
  let clock: any PacingClock
  /// When the command began.
  let now: Date
  let apiBase: String
  let storefrontBase: String?

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
    var verifier = Verifier(
      transport: transport, apiBase: apiBase, clock: clock, storefrontBase: storefrontBase, now: now)
    verifier.events = events
    let reports = await verifier.verify(all: tokens, scopes: scopes, timeout: timeout)
    await transport.shutdown()
    if Task.isCancelled {
      throw BcshError("verify interrupted; nothing was recorded", code: .interrupted, status: .interrupted)
    }
    return reports
  }
}
