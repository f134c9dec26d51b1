import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `--dry-run`: stores nothing, removes nothing, holds nothing.
struct DryRunSecretStore: SecretStoring {
  func store(_ secret: String, label: String, attributes: [String: String]) throws(BcshError) {}
  func lookup(_ attributes: [String: String]) throws(BcshError) -> String? { nil }
  func search(_ attributes: [String: String]) throws(BcshError) -> [[String: String]] { [] }
  func remove(_ attributes: [String: String]) throws(BcshError) {}
}
