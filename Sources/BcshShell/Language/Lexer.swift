import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// Splits source text into commands and words (README, "The script language in brief"): one command per
/// line, `;` between commands, `#` at the start of a word begins a comment, a `\` at the end of a
/// line continues it, `'...'` is literal, `"..."` expands variables and knows `\"`, `\\` and `\$`,
/// and a backslash outside quotes escapes the next character. Quotes do not span lines.
///
/// It reads UTF-8 bytes (every character the language gives a meaning is ASCII) and hands out one
/// command at a time (`nextCommand()`), so a long script is never held parsed in memory. Positions
/// count characters as a reader sees them; `SourceCursor` works them out from the bytes.
public struct Lexer {
  private let bytes: [UInt8]
  private let tolerant: Bool
  private var index = 0
  private var cursor: SourceCursor
  /// How many `${` the cursor stands inside.
  private var depth = 0
  /// Reading only to find syntax errors (`validate()`): plain words are scanned, not built, and
  /// not placed (the cursor catches up when a place is asked for: an error, a word not plain).
  private var validating = false
  /// The place validation gives the plain words it keeps (each command's first): its commands
  /// are dropped, so the place is never read.
  private let unplaced: SourcePosition

  /// How deeply `${NAME:-...}` may nest: far beyond what a person writes, and shallow enough that
  /// reading, expanding and freeing the words cannot exhaust the stack.
  public static let maximumNesting = 64

  /// - Parameters:
  ///   - firstLine: the line number of the text's first line in its source.
  ///   - tolerant: for completion and the history filter: an open quote or `${` at the end is no
  ///     error.
  public init(_ text: String, source: String, firstLine: Int = 1, tolerant: Bool = false) {
    // A script written on Windows reads like any other: CRLF is one line end.
    var bytes = Array(text.utf8)
    if bytes.contains(UInt8(ascii: "\r")) { bytes = Lexer.joiningCRLF(bytes) }
    self.bytes = bytes
    self.tolerant = tolerant
    self.cursor = SourceCursor(source: source, line: firstLine)
    self.unplaced = SourcePosition(source: source, line: firstLine, column: 1)
  }

  /// Reads the rest of the text as `nextCommand()` would and throws its first syntax error, without
  /// building the words nobody keeps: a script is checked whole before its first command runs.
  public func validate() throws(BcshError) {
    var check = self
    check.validating = true
    while try check.nextCommand() != nil {}
  }

  /// Every command of the text, in order. Empty lines and comments produce none.
  public mutating func commands() throws(BcshError) -> [WrittenCommand] {
    var commands: [WrittenCommand] = []
    while let command = try nextCommand() { commands.append(command) }
    return commands
  }

  /// The next command, or nil at the end of the text.
  public mutating func nextCommand() throws(BcshError) -> WrittenCommand? {
    var words: [Word] = []
    // Validating keeps no word, only whether the command has one: its commands are dropped.
    var hasWord = false
    // Room for a usual command's words at once, rather than growing the list word by word.
    if !validating { words.reserveCapacity(4) }
    while let byte = peek() {
      switch byte {
      case .space, .tab, .carriageReturn:
        index += 1
      case .newline, .semicolon:
        index += 1
        if hasWord { return command(of: words) }
      case .hash:
        while let next = peek(), next != .newline { index += 1 }
      case .backslash where peek(1) == .newline:
        index += 2
      default:
        let word = try word()
        hasWord = true
        if !validating { words.append(word) }
      }
    }
    return hasWord ? command(of: words) : nil
  }

  /// The command `words` make; for validation (which keeps none), one without words.
  private func command(of words: [Word]) -> WrittenCommand {
    WrittenCommand(words: words, position: words.first?.position ?? unplaced)
  }

  // MARK: Words

  private mutating func word() throws(BcshError) -> Word {
    // Most words are plain runs of bytes (`token`, `products=modify`): one string straight from
    // the bytes, without collecting them one at a time.
    let runStart = index
    while let byte = peek(), !Lexer.special(byte) { index += 1 }
    let plain = index > runStart && (peek().map(Lexer.endsWord) ?? true)
    if plain && validating { return Word(segments: [], position: unplaced, range: 0..<0) }
    // The cursor has not passed the word's start: places are asked for in increasing order.
    let start = cursor.advance(to: runStart, in: bytes)
    let startOffset = cursor.characterOffset
    if plain {
      let text = String(decoding: bytes[runStart..<index], as: UTF8.self)
      _ = cursor.advance(to: index, in: bytes)
      return Word(segments: [.literal(text)], position: start, range: startOffset..<cursor.characterOffset)
    }
    var parts = SegmentBuilder()
    parts.append(contentsOf: bytes[runStart..<index])
    scan: while let byte = peek() {
      switch byte {
      case .space, .tab, .newline, .semicolon:
        break scan
      case .carriageReturn where peek(1) == nil:
        break scan
      case .backslash:
        if peek(1) == .newline {
          index += 2
        } else if let escaped = peek(1) {
          index += 2
          parts.append(escaped)
        } else {
          index += 1
          if !tolerant { throw BcshError("a backslash ends the text", code: .syntax, at: start) }
        }
      case .singleQuote:
        let quote = position
        index += 1
        while let next = peek(), next != .singleQuote, next != .newline {
          parts.append(next)
          index += 1
        }
        if peek() == .singleQuote {
          index += 1
        } else if !tolerant {
          throw unterminated("'", at: quote)
        }
      case .doubleQuote:
        let quote = position
        index += 1
        let closed = try doubleQuoted(into: &parts)
        if !closed && !tolerant { throw unterminated("\"", at: quote) }
      case .dollar:
        try dollar(into: &parts)
      default:
        parts.append(byte)
        index += 1
      }
    }
    var segments = parts.finish()
    if segments.isEmpty { segments = [.literal("")] }
    _ = cursor.advance(to: index, in: bytes)
    return Word(segments: segments, position: start, range: startOffset..<cursor.characterOffset)
  }

  /// A byte `word()` gives a meaning: one that ends a word, quotes, escapes or expands. A carriage
  /// return is one (it ends a word only at the end of the text).
  private static func special(_ byte: UInt8) -> Bool {
    switch byte {
    case .space, .tab, .newline, .semicolon, .carriageReturn, .backslash, .singleQuote, .doubleQuote,
      .dollar:
      true
    default: false
    }
  }

  /// A byte that ends a word wherever it stands.
  private static func endsWord(_ byte: UInt8) -> Bool {
    byte == .space || byte == .tab || byte == .newline || byte == .semicolon
  }

  /// Reads up to the closing `"`; returns false when the line ended first.
  private mutating func doubleQuoted(into parts: inout SegmentBuilder) throws(BcshError) -> Bool {
    while let byte = peek() {
      switch byte {
      case .doubleQuote:
        index += 1
        return true
      case .newline:
        return false
      case .backslash:
        if let next = peek(1), next == .doubleQuote || next == .backslash || next == .dollar {
          parts.append(next)
          index += 2
        } else if peek(1) == .newline {
          index += 2
        } else {
          parts.append(.backslash)
          index += 1
        }
      case .dollar:
        try dollar(into: &parts)
      default:
        parts.append(byte)
        index += 1
      }
    }
    return false
  }

  /// `$NAME` or `${...}` at the cursor, or nil when the `$` starts no reference.
  private mutating func variable() throws(BcshError) -> VariableReference? {
    let start = position
    if peek(1) == .openBrace {
      index += 2
      let name = peek().map(VariableName.canStart) == true ? readName() : ""
      guard !name.isEmpty else {
        if tolerant && peek() == nil {
          return VariableReference(name: "", fallback: nil, position: start)
        }
        throw BcshError(
          "expected a variable name after '${'", code: .syntax, hint: "names are letters, digits and _",
          at: start)
      }
      var fallback: VariableReference.Fallback?
      if peek() == .colon && (peek(1) == .minus || peek(1) == .question) {
        let isDefault = peek(1) == .minus
        index += 2
        guard depth < Lexer.maximumNesting else {
          throw BcshError(
            "variable references nest more than \(Lexer.maximumNesting) deep", code: .syntax,
            hint: "set an intermediate variable with 'set NAME VALUE'", at: start)
        }
        depth += 1
        let parts = try braced()
        depth -= 1
        fallback = isDefault ? .value(parts) : .error(parts)
      }
      if peek() == .closeBrace {
        index += 1
      } else if !(tolerant && peek() == nil) {
        throw BcshError(
          "'${\(name)' is not closed with '}'", code: .syntax,
          hint: "write ${\(name)}, ${\(name):-default} or ${\(name):?message}", at: start)
      }
      return VariableReference(name: name, fallback: fallback, position: start)
    }
    guard let next = peek(1), VariableName.canStart(next) else { return nil }
    index += 1
    return VariableReference(name: readName(), fallback: nil, position: start)
  }

  /// The text of a `:-` or `:?` fallback, up to (not including) the closing `}`.
  private mutating func braced() throws(BcshError) -> [Segment] {
    var parts = SegmentBuilder()
    while let byte = peek(), byte != .closeBrace, byte != .newline {
      if byte == .backslash, let next = peek(1), next != .newline {
        parts.append(next)
        index += 2
      } else if byte == .dollar {
        try dollar(into: &parts)
      } else {
        parts.append(byte)
        index += 1
      }
    }
    return parts.finish()
  }

  /// A `$` at the cursor: a variable reference, or a plain `$` when no name follows.
  private mutating func dollar(into parts: inout SegmentBuilder) throws(BcshError) {
    if let reference = try variable() {
      parts.append(reference)
    } else {
      parts.append(.dollar)
      index += 1
    }
  }

  private mutating func readName() -> String {
    let start = index
    while let byte = peek(), VariableName.canContinue(byte) { index += 1 }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  private func unterminated(_ quote: Character, at position: SourcePosition) -> BcshError {
    BcshError(
      "unterminated \(quote) quote", code: .syntax,
      hint: "close it on the same line; a \\ at the end of a line continues the command",
      at: position)
  }

  // MARK: Cursor

  /// Where the byte at `index` stands. Asked for in increasing order only, so that counting
  /// characters costs one pass over the text in all.
  private var position: SourcePosition {
    mutating get { cursor.advance(to: index, in: bytes) }
  }

  private func peek(_ offset: Int = 0) -> UInt8? {
    index + offset < bytes.count ? bytes[index + offset] : nil
  }

  private static func joiningCRLF(_ bytes: [UInt8]) -> [UInt8] {
    var joined: [UInt8] = []
    joined.reserveCapacity(bytes.count)
    for (offset, byte) in bytes.enumerated()
    where !(byte == .carriageReturn && offset + 1 < bytes.count && bytes[offset + 1] == .newline) {
      joined.append(byte)
    }
    return joined
  }
}

/// Collects a word's pieces: runs of literal bytes and variable references, in order.
private struct SegmentBuilder {
  private var segments: [Segment] = []
  private var literal: [UInt8] = []

  mutating func append(_ byte: UInt8) { literal.append(byte) }

  mutating func append(contentsOf bytes: ArraySlice<UInt8>) { literal.append(contentsOf: bytes) }

  mutating func append(_ reference: VariableReference) {
    flushLiteral()
    segments.append(.variable(reference))
  }

  mutating func finish() -> [Segment] {
    flushLiteral()
    return segments
  }

  private mutating func flushLiteral() {
    // Words split only at ASCII bytes, so a literal run is always whole UTF-8.
    if !literal.isEmpty { segments.append(.literal(String(decoding: literal, as: UTF8.self))) }
    literal.removeAll(keepingCapacity: true)
  }
}

/// The bytes the command language gives a meaning.
fileprivate extension UInt8 {
  static let tab = UInt8(ascii: "\t")
  static let newline = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
  static let space = UInt8(ascii: " ")
  static let doubleQuote = UInt8(ascii: "\"")
  static let hash = UInt8(ascii: "#")
  static let dollar = UInt8(ascii: "$")
  static let singleQuote = UInt8(ascii: "'")
  static let minus = UInt8(ascii: "-")
  static let colon = UInt8(ascii: ":")
  static let semicolon = UInt8(ascii: ";")
  static let question = UInt8(ascii: "?")
  static let backslash = UInt8(ascii: "\\")
  static let openBrace = UInt8(ascii: "{")
  static let closeBrace = UInt8(ascii: "}")
}
