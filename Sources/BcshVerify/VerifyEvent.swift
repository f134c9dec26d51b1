import BcshFormats
import BcshModel
import BcshPorts
import FoundationEssentials
import JSONText

/// What a verify tells as it goes, for a terminal to show before the report is complete.
public enum VerifyEvent: Sendable {
  /// A store token's liveness request was answered: the report so far.
  case liveness(VerifyReport)
  /// One more of `total` scope probes is done.
  case probeFinished(total: Int)
  /// One more of `total` tokens is done (`verify --all`).
  case tokenFinished(total: Int)
}
