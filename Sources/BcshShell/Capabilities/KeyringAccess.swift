import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// The capability to reach the OS keyring, for reading (`open`) and for writing (`save`).
public protocol KeyringAccess {
  /// The keyring to read a session's secrets from.
  func forReading() throws(BcshError) -> any SecretStoring
  /// The keyring to store a session's secrets in and remove old ones from.
  func forWriting() throws(BcshError) -> any SecretStoring
}

/// The keyring `ShellEnvironment.makeSecretStore` connects to; under `--dry-run`, writing goes
/// to a keyring that keeps nothing and is never connected.
struct OSKeyring: KeyringAccess {
  let connect: () throws(BcshError) -> any SecretStoring
  let dryRun: Bool

  func forReading() throws(BcshError) -> any SecretStoring { try connect() }

  func forWriting() throws(BcshError) -> any SecretStoring {
    dryRun ? DryRunSecretStore() : try connect()
  }
}

/// `--dry-run`: stores nothing, removes nothing, holds nothing.
struct DryRunSecretStore: SecretStoring {
  func store(_ secret: String, label: String, attributes: [String: String]) throws(BcshError) {}
  func lookup(_ attributes: [String: String]) throws(BcshError) -> String? { nil }
  func search(_ attributes: [String: String]) throws(BcshError) -> [[String: String]] { [] }
  func remove(_ attributes: [String: String]) throws(BcshError) {}
}
