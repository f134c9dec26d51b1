/// What bcsh accepts as a credential's value (an access token, client ID or client secret),
/// wherever it comes from: `token set`, `token import`'s .txt file, a session file. A value that
/// passes is one line of printable text, so no file bcsh writes can be made to hold an extra line
/// through it. Its format is only ever warned about.
public enum CredentialValue {
  /// Real credentials are 31 or 64 characters; this leaves room for formats not seen yet.
  public static let maximumLength = 1024

  /// Why `value` cannot be a credential (to follow "the access-token ..."), or nil when it can.
  public static func problem(with value: String) -> String? {
    if value.isEmpty { return "is empty" }
    if value.utf8.count > maximumLength { return "is longer than \(maximumLength) bytes" }
    for scalar in value.unicodeScalars {
      if scalar.properties.isWhitespace || scalar == "\u{85}" { return "contains blanks or several lines" }
      if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
        return "contains control characters"
      }
    }
    return nil
  }

  /// The formats seen in real credentials (docs/bigcommerce.md, "Paths, identifiers and the downloaded file"). Not documented, so a
  /// mismatch is a warning, never a refusal.
  static func warnings(for field: CredentialField, value: String) -> [String] {
    let isHex64 = value.count == 64 && value.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    let isToken31 = value.count == 31 && value.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
    switch field {
    case .accessToken:
      if isHex64 { return ["this looks like a client secret (64 hex characters), not an access token"] }
      return isToken31 ? [] : ["access tokens are usually 31 characters of a-z and 0-9; this one is not"]
    case .clientID:
      return isToken31 ? [] : ["client IDs are usually 31 characters of a-z and 0-9; this one is not"]
    case .clientSecret:
      if isToken31 { return ["this looks like an access token or client ID, not a client secret"] }
      return isHex64 ? [] : ["client secrets are usually 64 lowercase hex characters; this one is not"]
    }
  }
}
