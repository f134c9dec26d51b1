import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import HashTreeCollections

/// A session file and what it looked like when bcsh last read or wrote it, so that a save can tell
/// when someone else changed it meanwhile.
public struct SessionFileReference: Sendable, Equatable {
  public var path: String
  public var fingerprint: FileFingerprint?
  /// Set when the file keeps its secrets in the OS keyring: later saves to it keep them there.
  public var keyring: KeyringSecrets?

  public init(path: String, fingerprint: FileFingerprint?, keyring: KeyringSecrets? = nil) {
    self.path = path
    self.fingerprint = fingerprint
    self.keyring = keyring
  }
}
