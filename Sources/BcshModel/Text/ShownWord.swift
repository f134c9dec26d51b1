/// How bcsh shows text it did not write itself: a word the user wrote, echoed in an error
/// (quoted, unless it may be a secret), and anything read from outside (API answers, files, names)
/// with its control characters escaped, so that no such text can move the cursor, retitle the
/// window or forge a line on the terminal. Every echo of outside text goes through here.
public enum ShownWord {
  /// The shortest run of letters and digits that looks like a credential (or a large piece of one):
  /// access tokens and client IDs are 31 characters, client secrets 64.
  static let secretRunLength = 16

  /// `'word'` with its control characters escaped, or a description that does not quote it when it
  /// may be a secret.
  public static func quoted(_ word: String, mayBeSecret: Bool = false) -> String {
    mayBeSecret || looksLikeSecret(word) ? hidden(word) : "'\(escaped(word))'"
  }

  /// `word` as it is (escaped), or the description of it when it may be a secret: for echoes that
  /// are not quoted (`+ set T VALUE` under `-x`).
  public static func bare(_ word: String) -> String {
    looksLikeSecret(word) ? hidden(word) : escaped(word)
  }

  /// "(31 characters, not shown: they may be a secret)".
  static func hidden(_ word: String) -> String {
    "(\(Counted.text(word.count, "character")), not shown: they may be a secret)"
  }

  /// `text` with every control character (C0, DEL, C1, and the bidirectional overrides that reorder
  /// what a terminal shows) written as an escape: `\n`, `\t`, `\r`, `\e`, `\x7F`, `\u{202E}`.
  /// Text with none is returned as it is, without a copy.
  /// `keepingLines` leaves `\n` as it is, for text of several lines that bcsh put together.
  public static func escaped(_ text: String, keepingLines: Bool = false) -> String {
    func escapes(_ scalar: Unicode.Scalar) -> Bool {
      needsEscape(scalar) && !(keepingLines && scalar == "\n")
    }
    guard text.unicodeScalars.contains(where: escapes) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      guard escapes(scalar) else {
        result.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      case "\u{1B}": result += "\\e"
      default:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result += scalar.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{\(hex)}"
      }
    }
    return result
  }

  /// Whether `scalar` is one that `escaped` writes as an escape: what no name or one-line text from
  /// a file may hold.
  package static func isControl(_ scalar: Unicode.Scalar) -> Bool { needsEscape(scalar) }

  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
      || (0x2066...0x2069).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
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
  package static func namesSecretField(_ word: String) -> Bool {
    let names = CredentialField.allCases.filter(\.isSecret).map(\.rawValue)
    return names.contains(word) || Spelling.suggestion(for: word, among: names) != nil
  }
}
