/// What bcsh accepts as a credential's value (an access token, client ID or client secret),
/// wherever it comes from: `token set`, a session file. A value that passes is one line of
/// printable text, so no file bcsh writes can be made to hold an extra line through it.
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
}
