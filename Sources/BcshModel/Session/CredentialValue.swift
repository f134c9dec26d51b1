/// What bcsh accepts as a credential's value (an access token, client ID or client secret),
/// wherever it comes from: `token set`, `token import`'s .txt file, a session file, the keyring. A
/// value that passes is one word of printable text with no quote, backslash or `$`, so no file bcsh
/// writes (`.txt`, `.env`) can be made to hold an extra line or a shell expansion through it. Its
/// format is only ever warned about.
public enum CredentialValue {
  /// Real credentials are 31 or 64 characters; this leaves room for formats not seen yet.
  public static let maximumLength = 1024
  /// The shortest credential seen is 31 characters (access tokens and client IDs, docs/bigcommerce.md
  /// "Paths, identifiers and the downloaded file"); 16 refuses none of them and leaves room for
  /// formats not seen yet, while a secret that short could never be masked without also masking
  /// pieces of ordinary words (`false`, a scope name) in everything bcsh prints.
  public static let minimumLength = 16
  /// Characters no credential format holds and that quote or expand in a shell or a dotenv reader.
  static let refusedCharacters: Set<Unicode.Scalar> = ["'", "\"", "`", "\\", "$"]

  /// Why `value` cannot be a credential (to follow "the access-token ..."), or nil when it can.
  public static func problem(with value: String) -> String? {
    if value.isEmpty { return "is empty" }
    if value.utf8.count > maximumLength { return "is longer than \(maximumLength) bytes" }
    for scalar in value.unicodeScalars {
      if scalar.properties.isWhitespace || scalar == "\u{85}" { return "contains blanks or several lines" }
      if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
        return "contains control characters"
      }
      if refusedCharacters.contains(scalar) {
        return "contains quotes, a backslash or '$', which no BigCommerce credential holds"
      }
    }
    if value.count < minimumLength {
      return "is \(value.count) characters long; BigCommerce's credentials are 31 or more "
        + "(bcsh refuses fewer than \(minimumLength))"
    }
    return nil
  }

  /// Whether a value that is not secret by its field (a client ID) has the shape of a client
  /// secret, so that it is masked like one.
  package static func looksLikeClientSecret(_ value: String) -> Bool {
    value.count == 64 && value.allSatisfy { $0.isHexDigit && !$0.isUppercase }
  }

  /// The formats seen in real credentials (docs/bigcommerce.md, "Paths, identifiers and the downloaded file"). Not documented, so a
  /// mismatch is a warning, never a refusal.
  package static func warnings(for field: CredentialField, value: String) -> [String] {
    let isHex64 = looksLikeClientSecret(value)
    let isToken31 = value.count == 31 && value.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
    switch field {
    case .accessToken:
      if isHex64 { return ["this looks like a client secret (64 hex characters), not an access token"] }
      return isToken31 ? [] : ["access tokens are usually 31 characters of a-z and 0-9; this one is not"]
    case .clientID:
      if isHex64 {
        return [
          "THIS LOOKS LIKE A CLIENT SECRET (64 hex characters), not a client ID: bcsh masks it like a secret; "
            + "'token set client-secret' is where it belongs"
        ]
      }
      return isToken31 ? [] : ["client IDs are usually 31 characters of a-z and 0-9; this one is not"]
    case .clientSecret:
      if isToken31 { return ["this looks like an access token or client ID, not a client secret"] }
      return isHex64 ? [] : ["client secrets are usually 64 lowercase hex characters; this one is not"]
    }
  }
}
