/// The credential fields `token set` writes.
public enum CredentialField: String, Sendable, CaseIterable {
  case accessToken = "access-token"
  case clientID = "client-id"
  case clientSecret = "client-secret"

  /// Whether the value is a secret (masked, kept out of history).
  public var isSecret: Bool { self != .clientID }

  /// The label in the control panel's credentials file.
  public var fileLabel: String {
    switch self {
    case .accessToken: "ACCESS TOKEN"
    case .clientID: "CLIENT ID"
    case .clientSecret: "CLIENT SECRET"
    }
  }
}
