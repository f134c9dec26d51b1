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
