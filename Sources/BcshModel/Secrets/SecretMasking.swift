/// Hiding the session's secrets in what bcsh writes, and keeping words that may be secrets out of
/// error messages.
///
/// Masking compares UTF-8 bytes, never Characters: a combining mark written right after a secret
/// joins its last character into another grapheme, and a Character search would then miss it.
public enum SecretMasking {
  /// `text` with every occurrence of each of `secrets` replaced by its masked form. Where secrets
  /// overlap or one holds another, the whole stretch they cover is masked as one.
  public static func mask(_ text: String, secrets: [String]) -> String {
    SecretIndex(secrets).mask(text)
  }

  /// `value` with every string in it masked, before it is encoded: JSON escaping (`\"`, `\\`)
  /// would otherwise change a secret's bytes and hide it from `mask(_:secrets:)`.
  public static func mask(_ value: JSONValue, secrets: [String]) -> JSONValue {
    SecretIndex(secrets).mask(value)
  }

  /// Whether any of `secrets` occurs in `text`, byte for byte.
  public static func occurs(in text: String, secrets: [String]) -> Bool {
    SecretIndex(secrets).occurs(in: text)
  }
}
