import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

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
