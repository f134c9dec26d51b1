import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// The keyring `Ports.keyring` connects to; under `--dry-run`, writing goes
/// to a keyring that keeps nothing and is never connected.
struct OSKeyring: KeyringAccess {
  let connect: () throws(BcshError) -> any SecretStoring
  let dryRun: Bool

  func forReading() throws(BcshError) -> any SecretStoring { try connect() }

  func forWriting() throws(BcshError) -> any SecretStoring {
    dryRun ? DryRunSecretStore() : try connect()
  }
}
