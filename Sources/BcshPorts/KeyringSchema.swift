import BcshModel

/// The schema of bcsh's items in the keyring.
public enum KeyringSchema {
  /// The attributes bcsh sets on its items, declared here only: the keyring adapter registers
  /// them, and `KeyringSecrets` sets them.
  public static let attributeNames: [String] = [
    "application", "session", "generation", "token", "field", "store", "account",
  ]
}
