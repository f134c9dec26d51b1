import BcshModel

/// The capability to keep secrets in the OS keyring (the Secret Service on Linux). Items are found
/// by their attributes; every call may fail with a message that says what was tried.
public protocol SecretStoring: Sendable {
  /// Stores `secret` under `attributes`, replacing an item that has these attributes.
  func store(_ secret: String, label: String, attributes: [String: String]) throws(BcshError)
  /// The secret of an item that has these attributes (and maybe more), or nil when there is none
  /// or it cannot be read (a locked collection).
  func lookup(_ attributes: [String: String]) throws(BcshError) -> String?
  /// The attributes of every item that has these attributes (and maybe more).
  func search(_ attributes: [String: String]) throws(BcshError) -> [[String: String]]
  /// Removes every item that has these attributes (and maybe more).
  func remove(_ attributes: [String: String]) throws(BcshError)
}
