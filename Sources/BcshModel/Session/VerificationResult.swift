/// What a verify concluded about a token.
public enum VerificationResult: String, Sendable, Codable {
  /// The token works and holds what was checked.
  case passed
  /// A finding about the token: invalid, another store's, missing scopes, short of a tool's needs.
  case problem
  /// Verify could not finish (network, deadline, server errors) or had nothing to send.
  case notChecked = "not_checked"
}
