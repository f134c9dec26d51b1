import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

extension PartialWord {
  /// The text that replaces the word for a completed `value`, quoted the way the user started it:
  /// what was typed is kept and the rest escaped to match; inside an open quote the rest goes
  /// inside that quote, which is closed when `value` is a whole word.
  func insertion(for value: String, isComplete: Bool) -> String {
    if let quote = openQuote {
      let close = isComplete ? String(quote.mark) : ""
      if value.hasPrefix(quote.valueBefore) {
        let rest = value.dropFirst(quote.valueBefore.count)
        return String(raw[..<quote.rawOffset]) + String(quote.mark)
          + Self.escaped(rest, inside: quote.mark) + close
      }
      return String(quote.mark) + Self.escaped(value[...], inside: quote.mark) + close
    }
    if let mark = wholeQuote {
      return String(mark) + Self.escaped(value[...], inside: mark) + String(mark)
    }
    if value.hasPrefix(self.value) {
      return String(raw)
        + Self.escaped(value.dropFirst(self.value.count), inside: nil, atWordStart: raw.isEmpty)
    }
    return Self.escaped(value[...], inside: nil, atWordStart: true)
  }

  /// The text that replaces the word for the variable `name` completing `$`/`${` at the cursor.
  func insertion(forVariable name: String) -> String {
    guard let variable else { return String(raw) }
    return String(raw[..<variable.rawOffset]) + (variable.braced ? "${\(name)}" : "$\(name)")
  }

  /// `text` written so that the lexer reads it back unchanged: backslashes outside quotes, `\"`,
  /// `\\` and `\$` inside double quotes, `'\''` for a quote inside single quotes.
  static func escaped(_ text: Substring, inside quote: Character?, atWordStart: Bool = false) -> String {
    switch quote {
    case "'":
      var result = ""
      for character in text { result += character == "'" ? "'\\''" : String(character) }
      return result
    case "\"":
      var result = ""
      for character in text {
        if character == "\"" || character == "\\" || character == "$" { result.append("\\") }
        result.append(character)
      }
      return result
    default:
      var result = ""
      for character in text {
        let startsComment = character == "#" && atWordStart && result.isEmpty
        if startsComment || unquotedSpecials.contains(character) { result.append("\\") }
        result.append(character)
      }
      return result
    }
  }

  /// Characters that end or change a word outside quotes.
  private static let unquotedSpecials: Set<Character> = [" ", "\t", "'", "\"", "\\", "$", ";"]
}
