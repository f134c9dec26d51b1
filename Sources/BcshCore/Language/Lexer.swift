/// Splits source text into commands and words (spec.md, The command language): one command per
/// line, `;` between commands, `#` at the start of a word begins a comment, a `\` at the end of a
/// line continues it, `'...'` is literal, `"..."` expands variables and knows `\"`, `\\` and `\$`,
/// and a backslash outside quotes escapes the next character. Quotes do not span lines.
public struct Lexer {
  private let text: [Character]
  private let source: String
  private let tolerant: Bool
  private var index = 0
  private var line: Int
  private var column = 1

  /// - Parameters:
  ///   - firstLine: the line number of the text's first line in its source.
  ///   - tolerant: for completion: an open quote or `${` at the end is no error, and the last word
  ///     records the open quote.
  public init(_ text: String, source: String, firstLine: Int = 1, tolerant: Bool = false) {
    // Swift keeps CRLF as one Character; a script written on Windows reads like any other.
    self.text = text.map { $0 == "\r\n" ? "\n" : $0 }
    self.source = source
    self.tolerant = tolerant
    self.line = firstLine
  }

  /// Every command of the text, in order. Empty lines and comments produce none.
  public mutating func commands() throws(BcshError) -> [CommandLine] {
    var commands: [CommandLine] = []
    var words: [Word] = []
    func finish() {
      if let first = words.first { commands.append(CommandLine(words: words, position: first.position)) }
      words = []
    }
    while let character = peek() {
      switch character {
      case " ", "\t", "\r":
        advance()
      case "\n", ";":
        advance()
        finish()
      case "#":
        while let next = peek(), next != "\n" { _ = next; advance() }
      case "\\" where peek(1) == "\n":
        advance()
        advance()
      default:
        words.append(try word())
      }
    }
    finish()
    return commands
  }

  /// The words of the text, ignoring command boundaries: for one line that completion reads.
  public mutating func words() throws(BcshError) -> [Word] {
    try commands().flatMap(\.words)
  }

  // MARK: Words

  private mutating func word() throws(BcshError) -> Word {
    let start = position
    let startIndex = index
    var segments: [Segment] = []
    var literal = ""
    var openQuote: Character?
    func flush() {
      if !literal.isEmpty { segments.append(.literal(literal)) }
      literal = ""
    }
    scan: while let character = peek() {
      switch character {
      case " ", "\t", "\n", ";":
        break scan
      case "\r" where peek(1) == nil:
        break scan
      case "\\":
        if peek(1) == "\n" {
          advance(2)
        } else if let escaped = peek(1) {
          advance(2)
          literal.append(escaped)
        } else {
          advance()
          if !tolerant { throw BcshError("a backslash ends the text", at: start) }
        }
      case "'":
        let quote = position
        advance()
        while let next = peek(), next != "'", next != "\n" {
          literal.append(next)
          advance()
        }
        if peek() == "'" {
          advance()
        } else if tolerant {
          openQuote = "'"
        } else {
          throw unterminated("'", at: quote)
        }
      case "\"":
        let quote = position
        advance()
        flush()
        let closed = try doubleQuoted(into: &segments)
        if !closed {
          if tolerant { openQuote = "\"" } else { throw unterminated("\"", at: quote) }
        }
      case "$":
        if let reference = try variable() {
          flush()
          segments.append(.variable(reference))
        } else {
          literal.append("$")
          advance()
        }
      default:
        literal.append(character)
        advance()
      }
    }
    flush()
    if segments.isEmpty { segments = [.literal("")] }
    return Word(segments: segments, position: start, range: startIndex..<index, openQuote: openQuote)
  }

  /// Reads up to the closing `"`; returns false when the line ended first.
  private mutating func doubleQuoted(into segments: inout [Segment]) throws(BcshError) -> Bool {
    var literal = ""
    defer { if !literal.isEmpty { segments.append(.literal(literal)) } }
    while let character = peek() {
      switch character {
      case "\"":
        advance()
        return true
      case "\n":
        return false
      case "\\":
        if let next = peek(1), next == "\"" || next == "\\" || next == "$" {
          literal.append(next)
          advance(2)
        } else if peek(1) == "\n" {
          advance(2)
        } else {
          literal.append("\\")
          advance()
        }
      case "$":
        if let reference = try variable() {
          if !literal.isEmpty { segments.append(.literal(literal)) }
          literal = ""
          segments.append(.variable(reference))
        } else {
          literal.append("$")
          advance()
        }
      default:
        literal.append(character)
        advance()
      }
    }
    return false
  }

  /// `$NAME` or `${...}` at the cursor, or nil when the `$` starts no reference.
  private mutating func variable() throws(BcshError) -> VariableReference? {
    let start = position
    if peek(1) == "{" {
      advance(2)
      let name = peek().map { $0 == "_" || ($0.isASCII && $0.isLetter) } == true ? readName() : ""
      guard !name.isEmpty else {
        if tolerant && peek() == nil {
          return VariableReference(name: "", fallback: nil, position: start)
        }
        throw BcshError(
          "expected a variable name after '${'", hint: "names are letters, digits and _", at: start)
      }
      var fallback: VariableReference.Fallback?
      if peek() == ":" && (peek(1) == "-" || peek(1) == "?") {
        let isDefault = peek(1) == "-"
        advance(2)
        let parts = try braced(openedAt: start)
        fallback = isDefault ? .value(parts) : .error(parts)
      }
      if peek() == "}" {
        advance()
      } else if !(tolerant && peek() == nil) {
        throw BcshError(
          "'${\(name)' is not closed with '}'",
          hint: "write ${\(name)}, ${\(name):-default} or ${\(name):?message}", at: start)
      }
      return VariableReference(name: name, fallback: fallback, position: start)
    }
    guard let next = peek(1), next == "_" || (next.isASCII && next.isLetter) else { return nil }
    advance()
    return VariableReference(name: readName(), fallback: nil, position: start)
  }

  /// The text of a `:-` or `:?` fallback, up to (not including) the closing `}`.
  private mutating func braced(openedAt start: SourcePosition) throws(BcshError) -> [Segment] {
    var segments: [Segment] = []
    var literal = ""
    while let character = peek(), character != "}", character != "\n" {
      if character == "\\", let next = peek(1), next != "\n" {
        literal.append(next)
        advance(2)
      } else if character == "$", let reference = try variable() {
        if !literal.isEmpty { segments.append(.literal(literal)) }
        literal = ""
        segments.append(.variable(reference))
      } else {
        literal.append(character)
        advance()
      }
    }
    if !literal.isEmpty { segments.append(.literal(literal)) }
    return segments
  }

  private mutating func readName() -> String {
    var name = ""
    while let character = peek(),
      character == "_" || (character.isASCII && (character.isLetter || character.isNumber))
    {
      name.append(character)
      advance()
    }
    return name
  }

  private func unterminated(_ quote: Character, at position: SourcePosition) -> BcshError {
    BcshError(
      "unterminated \(quote) quote",
      hint: "close it on the same line; a \\ at the end of a line continues the command",
      at: position)
  }

  // MARK: Cursor

  private var position: SourcePosition { SourcePosition(source: source, line: line, column: column) }

  private func peek(_ offset: Int = 0) -> Character? {
    index + offset < text.count ? text[index + offset] : nil
  }

  private mutating func advance(_ count: Int = 1) {
    for _ in 0..<count where index < text.count {
      if text[index] == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index += 1
    }
  }
}
