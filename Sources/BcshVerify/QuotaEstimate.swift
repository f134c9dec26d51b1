import BcshFormats
import BcshModel
import BcshPorts

/// How long a verify's own requests need at a store's quota.
public struct QuotaEstimate: Sendable, Equatable {
  public var requests: Int
  public var quota: Int
  public var window: Duration
  public var duration: Duration
  /// How long the verify had run when the estimate was made.
  public var elapsed: Duration
  /// How many parts the deadline was made of: `verify --all` gives `--timeout` to each round of
  /// four tokens.
  public var deadlineParts: Int

  /// The `--timeout` in whole seconds that leaves room for the time spent and these requests, with
  /// a quarter to spare.
  public var suggestedTimeout: Int {
    let total = elapsed + duration
    let seconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
    return max(1, Int((seconds * 1.25 / Double(deadlineParts)).rounded(.up)))
  }

  /// "12 per 5 s".
  public var quotaDescription: String {
    let milliseconds =
      Int(window.components.seconds) * 1000 + Int(window.components.attoseconds / 1_000_000_000_000_000)
    let window = milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
    return "\(quota) per \(window)"
  }

  /// The estimate in whole seconds, rounded up.
  public var seconds: Int {
    Int(duration.components.seconds) + (duration.components.attoseconds > 0 ? 1 : 0)
  }
}
