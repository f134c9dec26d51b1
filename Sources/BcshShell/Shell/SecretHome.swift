import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import HashTreeCollections

/// Where a secret is kept on disk.
public enum SecretHome: String, Sendable {
  case keyring, file, unsaved

  /// For people: "in the keyring", "in the session file", "not saved yet".
  public var phrase: String {
    switch self {
    case .keyring: "in the keyring"
    case .file: "in the session file"
    case .unsaved: "not saved yet"
    }
  }
}
