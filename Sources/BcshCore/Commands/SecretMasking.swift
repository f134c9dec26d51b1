/// Hiding the session's secrets in what bcsh writes, and keeping words that may be secrets out of
/// error messages.
///
/// Masking compares UTF-8 bytes, never Characters: a combining mark written right after a secret
/// joins its last character into another grapheme, and a Character search would then miss it.
public enum SecretMasking {
  /// `text` with every occurrence of each of `secrets` replaced by its masked form. `secrets` are
  /// tried longest first, so that a secret holding a shorter one is masked whole.
  public static func mask(_ text: String, secrets: [String]) -> String {
    mask(text, longestFirst: secrets.sorted(by: longerInBytes))
  }

  /// Whether `first` has more UTF-8 bytes than `second`: the order secrets are tried in (a secret
  /// that holds another has more bytes, though not always more Characters).
  public static func longerInBytes(_ first: String, _ second: String) -> Bool {
    first.utf8.count > second.utf8.count
  }

  /// `mask(_:secrets:)` for secrets already in `longerInBytes` order, as the shell keeps them: no
  /// sort on every write.
  public static func mask(_ text: String, longestFirst secrets: [String]) -> String {
    var bytes: [UInt8]?
    for secret in secrets {
      let needle = Array(secret.utf8)
      guard !needle.isEmpty else { continue }
      if bytes == nil {
        guard text.utf8.count >= needle.count else { continue }
        bytes = Array(text.utf8)
      }
      if let replaced = replacing(needle, with: Array(Secret.mask(secret).utf8), in: bytes!) {
        bytes = replaced
      }
    }
    // A match starts and ends on scalar boundaries (UTF-8 is self-synchronising), so the bytes
    // stay valid UTF-8.
    return bytes.map { String(decoding: $0, as: UTF8.self) } ?? text
  }

  /// `value` with every string in it masked, before it is encoded: JSON escaping (`\"`, `\\`)
  /// would otherwise change a secret's bytes and hide it from `mask(_:secrets:)`.
  public static func mask(_ value: JSONValue, secrets: [String]) -> JSONValue {
    mask(value, longestFirst: secrets.sorted(by: longerInBytes))
  }

  /// `mask(_:secrets:)` of a JSON value for secrets already in `longerInBytes` order.
  public static func mask(_ value: JSONValue, longestFirst secrets: [String]) -> JSONValue {
    guard !secrets.isEmpty else { return value }
    switch value {
    case .string(let text): return .string(mask(text, longestFirst: secrets))
    case .array(let values): return .array(values.map { mask($0, longestFirst: secrets) })
    case .object(let members):
      return .object(members.map { (mask($0.0, longestFirst: secrets), mask($0.1, longestFirst: secrets)) })
    case .null, .bool, .number: return value
    }
  }

  /// Whether any of `secrets` occurs in `text`, byte for byte.
  public static func occurs(in text: String, secrets: [String]) -> Bool {
    guard !secrets.isEmpty else { return false }
    let bytes = Array(text.utf8)
    return secrets.contains { secret in
      let needle = Array(secret.utf8)
      return !needle.isEmpty && firstIndex(of: needle, in: bytes, from: 0) != nil
    }
  }

  private static func replacing(_ needle: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8]? {
    guard var match = firstIndex(of: needle, in: bytes, from: 0) else { return nil }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var start = 0
    while true {
      result += bytes[start..<match]
      result += replacement
      start = match + needle.count
      guard let next = firstIndex(of: needle, in: bytes, from: start) else { break }
      match = next
    }
    result += bytes[start...]
    return result
  }

  private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard needle.count <= bytes.count - start else { return nil }
    let first = needle[0]
    var index = start
    let last = bytes.count - needle.count
    while index <= last {
      if bytes[index] == first && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }
}

/// How error messages show a word the user wrote: quoted, unless it may be a secret.
public enum ShownWord {
  /// The shortest run of letters and digits that looks like a credential (or a large piece of one):
  /// access tokens and client IDs are 31 characters, client secrets 64.
  static let secretRunLength = 16

  /// `'word'`, or a description that does not quote it when it may be a secret.
  public static func quoted(_ word: String, mayBeSecret: Bool = false) -> String {
    mayBeSecret || looksLikeSecret(word)
      ? "(\(Counted.text(word.count, "character")), not shown: they may be a secret)" : "'\(word)'"
  }

  /// Whether `word` holds a run of at least 16 ASCII letters and digits with both a letter and a
  /// digit in it: the shape of a token, client ID or secret, and of no command word, scope token
  /// string (`store_v2_products_read_only`) or file name bcsh expects.
  public static func looksLikeSecret(_ word: String) -> Bool {
    var run = 0
    var letters = false
    var digits = false
    for byte in word.utf8 {
      let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      let isLetter =
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      if isDigit || isLetter {
        run += 1
        digits = digits || isDigit
        letters = letters || isLetter
        if run >= secretRunLength && digits && letters { return true }
      } else {
        (run, letters, digits) = (0, false, false)
      }
    }
    return false
  }

  /// Whether `word` is a secret credential field's name, or a near miss of one (`acess-token`).
  static func namesSecretField(_ word: String) -> Bool {
    let names = CredentialField.allCases.filter(\.isSecret).map(\.rawValue)
    return names.contains(word) || Spelling.suggestion(for: word, among: names) != nil
  }
}

extension Shell {
  /// Whether a word is shaped like a credential (`token set access-token=VALUE` carries one though
  /// its command does not take a VALUE there): such a line stays out of the history whatever it is.
  static func holdsSecretShapedWord(_ words: [String?]) -> Bool {
    words.contains { $0.map(ShownWord.looksLikeSecret) ?? false }
  }

  /// Whether a command that names no known command may still carry a secret (`tokn set
  /// access-token VALUE`): a word shaped like a secret, or any word after a secret field's name.
  static func mayCarrySecret(unmatched words: [String?]) -> Bool {
    for (index, word) in words.enumerated() {
      guard let word else { continue }
      if ShownWord.looksLikeSecret(word) { return true }
      if index + 1 < words.count && ShownWord.namesSecretField(word) { return true }
    }
    return false
  }
}
