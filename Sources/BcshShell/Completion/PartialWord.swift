import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// The word under the cursor as typed so far: its raw text, the value it stands for and how it is
/// quoted, so that a completed value can replace it and stay correctly quoted.
///
/// It reads the word by the rules of `Lexer` (README, "The script language in brief"), but also keeps where
/// an open quote starts and whether a `$NAME` is being typed at the cursor, which a lexed `Word`
/// does not record.
struct PartialWord {
  /// A quote left open at the cursor.
  struct OpenQuote {
    let mark: Character
    /// Where the quote stands in `raw`.
    let rawOffset: Int
    /// The word's value before the quote.
    let valueBefore: String
  }

  /// A `$NAME` or `${NAME` being typed at the cursor.
  struct VariableStart {
    /// Where the `$` stands in `raw`.
    let rawOffset: Int
    let braced: Bool
    /// The part of the name typed so far.
    let prefix: String
  }

  /// The characters from the word's start to the cursor.
  let raw: [Character]
  /// The value so far: quotes and escapes removed, variables expanded.
  private(set) var value = ""
  /// Whether `value` is what the word means: false when it uses an unset variable.
  private(set) var isExact = true
  private(set) var openQuote: OpenQuote?
  /// The quote mark when the whole word is one closed quoted string: `"..."` or `'...'`.
  private(set) var wholeQuote: Character?
  private(set) var variable: VariableStart?
  /// Whether the word holds quotes or backslashes: the user is writing a value with blanks.
  private(set) var isQuoted = false

  private var index = 0

  init(raw: [Character], lookup: (String) -> String?) {
    self.raw = raw
    scanWord(lookup)
  }

  // MARK: Reading

  private mutating func scanWord(_ lookup: (String) -> String?) {
    while index < raw.count {
      switch raw[index] {
      case "\\":
        isQuoted = true
        if let next = peek(1) {
          if next != "\n" { value.append(next) }
          index += 2
        } else {
          index += 1
        }
      case "'":
        isQuoted = true
        let start = index
        let before = value
        index += 1
        while let next = peek(), next != "'" {
          value.append(next)
          index += 1
        }
        if index < raw.count {
          index += 1
          if start == 0 && index == raw.count { wholeQuote = "'" }
        } else {
          openQuote = OpenQuote(mark: "'", rawOffset: start, valueBefore: before)
        }
      case "\"":
        isQuoted = true
        scanDoubleQuoted(lookup)
      case "$":
        scanVariable(lookup, quoted: false)
      default:
        value.append(raw[index])
        index += 1
      }
    }
  }

  private mutating func scanDoubleQuoted(_ lookup: (String) -> String?) {
    let start = index
    let before = value
    index += 1
    while let character = peek() {
      switch character {
      case "\"":
        index += 1
        if start == 0 && index == raw.count { wholeQuote = "\"" }
        return
      case "\\":
        if let next = peek(1), next == "\"" || next == "\\" || next == "$" {
          value.append(next)
          index += 2
        } else if peek(1) == "\n" {
          index += 2
        } else {
          value.append("\\")
          index += 1
        }
      case "$":
        scanVariable(lookup, quoted: true)
      default:
        value.append(character)
        index += 1
      }
    }
    openQuote = OpenQuote(mark: "\"", rawOffset: start, valueBefore: before)
  }

  /// `$NAME`, `${NAME}` or `${NAME:-fallback}` at `index`; a name that runs to the cursor is
  /// being typed.
  private mutating func scanVariable(_ lookup: (String) -> String?, quoted: Bool) {
    let start = index
    if peek(1) == "{" {
      index += 2
      let name = readName()
      guard let next = peek() else {
        variable = VariableStart(rawOffset: start, braced: true, prefix: name)
        isExact = false
        return
      }
      if next == ":", let kind = peek(1), kind == "-" || kind == "?" {
        index += 2
        let fallback = readFallback()
        if let found = lookup(name), !found.isEmpty {
          value += found
        } else if kind == "-" {
          value += fallback
        } else {
          isExact = false
        }
      } else if next == "}", !name.isEmpty {
        index += 1
        append(lookup(name))
      } else {
        // `${` without a name or a closing brace: an error when the line runs.
        isExact = false
      }
      return
    }
    guard let next = peek(1) else {
      variable = VariableStart(rawOffset: start, braced: false, prefix: "")
      isExact = false
      index += 1
      return
    }
    guard VariableName.canStart(next) else {
      value.append("$")
      index += 1
      return
    }
    index += 1
    let name = readName()
    if index == raw.count {
      variable = VariableStart(rawOffset: start, braced: false, prefix: name)
      isExact = false
    } else {
      append(lookup(name))
    }
  }

  private mutating func readName() -> String {
    var name = ""
    while let character = peek(), VariableName.canContinue(character) {
      name.append(character)
      index += 1
    }
    return name
  }

  /// The text of a `:-` or `:?` fallback up to and past its `}` (nested variables kept as written).
  private mutating func readFallback() -> String {
    var text = ""
    while let character = peek(), character != "}" {
      if character == "\\", let next = peek(1) {
        text.append(next)
        index += 2
      } else {
        text.append(character)
        index += 1
      }
    }
    if index < raw.count { index += 1 }
    return text
  }

  private mutating func append(_ expansion: String?) {
    if let expansion { value += expansion } else { isExact = false }
  }

  private func peek(_ offset: Int = 0) -> Character? {
    index + offset < raw.count ? raw[index + offset] : nil
  }
}
