import BcshFormats
import BcshModel
import BcshPorts

/// What one scope's probe found.
public enum ProbeOutcome: Sendable, Equatable {
  /// The read probe passed (for a modify scope: read access confirmed, write not tested).
  case granted
  case missing
  /// The scope has no read (write-only or storefront flows): verify cannot tell without writing.
  case notProbeable
  /// The probe passed, but another scope the token holds opens the same endpoint.
  case inconclusive(String)
  /// The probe got no answer that proves anything.
  case error(String)
}
