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
  ///   - tolerant: for completion and the history filter: an open quote or `${` at the end is no
  ///     error.
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

  // MARK: Words

  private mutating func word() throws(BcshError) -> Word {
    let start = position
    let startIndex = index
    var parts = SegmentBuilder()
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
          parts.append(escaped)
        } else {
          advance()
          if !tolerant { throw BcshError("a backslash ends the text", at: start) }
        }
      case "'":
        let quote = position
        advance()
        while let next = peek(), next != "'", next != "\n" {
          parts.append(next)
          advance()
        }
        if peek() == "'" {
          advance()
        } else if !tolerant {
          throw unterminated("'", at: quote)
        }
      case "\"":
        let quote = position
        advance()
        let closed = try doubleQuoted(into: &parts)
        if !closed {
          if !tolerant { throw unterminated("\"", at: quote) }
        }
      case "$":
        try dollar(into: &parts)
      default:
        parts.append(character)
        advance()
      }
    }
    var segments = parts.finish()
    if segments.isEmpty { segments = [.literal("")] }
    return Word(segments: segments, position: start, range: startIndex..<index)
  }

  /// Reads up to the closing `"`; returns false when the line ended first.
  private mutating func doubleQuoted(into parts: inout SegmentBuilder) throws(BcshError) -> Bool {
    while let character = peek() {
      switch character {
      case "\"":
        advance()
        return true
      case "\n":
        return false
      case "\\":
        if let next = peek(1), next == "\"" || next == "\\" || next == "$" {
          parts.append(next)
          advance(2)
        } else if peek(1) == "\n" {
          advance(2)
        } else {
          parts.append("\\")
          advance()
        }
      case "$":
        try dollar(into: &parts)
      default:
        parts.append(character)
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
      let name = peek().map(VariableName.canStart) == true ? readName() : ""
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
    guard let next = peek(1), VariableName.canStart(next) else { return nil }
    advance()
    return VariableReference(name: readName(), fallback: nil, position: start)
  }

  /// The text of a `:-` or `:?` fallback, up to (not including) the closing `}`.
  private mutating func braced(openedAt start: SourcePosition) throws(BcshError) -> [Segment] {
    var parts = SegmentBuilder()
    while let character = peek(), character != "}", character != "\n" {
      if character == "\\", let next = peek(1), next != "\n" {
        parts.append(next)
        advance(2)
      } else if character == "$" {
        try dollar(into: &parts)
      } else {
        parts.append(character)
        advance()
      }
    }
    return parts.finish()
  }

  /// A `$` at the cursor: a variable reference, or a plain `$` when no name follows.
  private mutating func dollar(into parts: inout SegmentBuilder) throws(BcshError) {
    if let reference = try variable() {
      parts.append(reference)
    } else {
      parts.append("$")
      advance()
    }
  }

  private mutating func readName() -> String {
    var name = ""
    while let character = peek(), VariableName.canContinue(character) {
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

/// Collects a word's pieces: runs of literal characters and variable references, in order.
private struct SegmentBuilder {
  private var segments: [Segment] = []
  private var literal = ""

  mutating func append(_ character: Character) { literal.append(character) }

  mutating func append(_ reference: VariableReference) {
    flushLiteral()
    segments.append(.variable(reference))
  }

  mutating func finish() -> [Segment] {
    flushLiteral()
    return segments
  }

  private mutating func flushLiteral() {
    if !literal.isEmpty { segments.append(.literal(literal)) }
    literal = ""
  }
}
