import BcshModel
import BcshPorts

/// A `.env` file as its readers see it, every line kept: comments, blanks and order survive a
/// `setting` and `rendered()` gives the same text back where nothing was set. Keys and values are
/// read as python-dotenv and the `dotenv` package under Next.js (`@next/env`) read them
/// (docs/bigcommerce.md, "The tools' credential files"): an optional `export ` prefix, `KEY=value`
/// with blanks around `=`, single-quoted values literal, double-quoted ones with `\n`, `\t`, `\"`
/// and `\\` escapes and line breaks inside, unquoted values ending at a `#` after a blank.
/// Both readers take the last assignment of a key.
public struct DotEnvDocument: Sendable, Equatable {
  /// One assignment: its key, the value its readers take, and the line it starts on.
  public struct Entry: Sendable, Equatable {
    public var key: String
    public var value: String
    /// 1-based, in the file as read; a key `setting` appended has the line it will be written on.
    public var line: Int
    /// Where the value starts on that line (1-based), for errors about it.
    public var valueColumn: Int
  }

  /// A piece of the file: an assignment with the text it was read from, or any other text
  /// (comment, blank, a line no reader takes), kept as written.
  enum Piece: Sendable, Equatable {
    case entry(Entry, text: String)
    case other(String)
  }

  var pieces: [Piece] = []
  /// Whether the text read ended with a line break (rendered back the same way).
  var endsWithNewline = true

  public init() {}

  /// Every assignment, in file order (a key assigned twice appears twice).
  public var entries: [Entry] {
    pieces.compactMap {
      if case .entry(let entry, _) = $0 { return entry }
      return nil
    }
  }

  /// The value readers take for `key`: its last assignment's.
  public func value(_ key: String) -> String? { entries.last { $0.key == key }?.value }

  /// The assignment readers take for `key` (the last one), with its line.
  public func entry(_ key: String) -> Entry? { entries.last { $0.key == key } }

  /// Reads `.env` text. `source` names the file in errors (`.env.local:4:18`): an unclosed quote
  /// is the one error, as both readers then stop making sense of the rest.
  public static func parse(_ text: String, source: String) throws(BcshError) -> DotEnvDocument {
    var document = DotEnvDocument()
    let body = AtomicFile.withoutByteOrderMark(text)
    // Split on the byte: as Characters, "\r\n" is one that equals neither "\r" nor "\n".
    let lines = body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
    document.endsWithNewline = body.isEmpty || body.utf8.last == UInt8(ascii: "\n")
    // The empty text has no line; text ending in a line break has an empty piece after it.
    let count = body.isEmpty ? 0 : document.endsWithNewline ? lines.count - 1 : lines.count
    var index = 0
    while index < count {
      let lineNumber = index + 1
      var raw = lines[index]
      index += 1
      guard var scan = Scan(raw) else {
        document.pieces.append(.other(raw))
        continue
      }
      // A quoted value may go on over the following lines, up to its closing quote.
      while scan.needsMoreLines {
        guard index < count else {
          throw BcshError(
            "the value of \(scan.key) opens a quote that is never closed", code: .invalidFile,
            hint: "close the quote, or remove the line",
            at: SourcePosition(source: source, line: lineNumber, column: scan.valueColumn))
        }
        // Only the new line is read: the value decoded so far is kept (linear in the file).
        scan.continueValue(with: lines[index])
        raw += "\n" + lines[index]
        index += 1
      }
      document.pieces.append(
        .entry(
          Entry(key: scan.key, value: scan.value, line: lineNumber, valueColumn: scan.valueColumn), text: raw)
      )
    }
    return document
  }

  /// The document with `key` set to `value`: its first assignment replaced in place (keeping an
  /// `export ` prefix), every later one removed (both readers take the last, so a later one left
  /// would win over the value set), or a line appended. `what` names the value in the error for a
  /// value no reader would take as itself (`DotEnvFile.isReadAsItself`).
  public func setting(
    _ key: String, _ value: String, what: String, hint: String = "check the value with 'token show'"
  ) throws(BcshError) -> DotEnvDocument {
    guard DotEnvFile.isReadAsItself(value) else {
      throw BcshError(
        "the \(what) holds characters that a .env file cannot carry so that every reader (sh, dotenv "
          + "libraries, docker --env-file) reads them as the value",
        code: .invalidValue, hint: hint)
    }
    var copy = self
    var replaced = false
    copy.pieces = []
    for piece in pieces {
      guard case .entry(var entry, let text) = piece, entry.key == key else {
        copy.pieces.append(piece)
        continue
      }
      guard !replaced else { continue }
      replaced = true
      let prefix = text.drop { $0 == " " || $0 == "\t" }.hasPrefix("export ") ? "export " : ""
      entry.value = value
      entry.valueColumn = prefix.count + key.count + 2
      // A CRLF file's line keeps its carriage return.
      let end = text.hasSuffix("\r") ? "\r" : ""
      copy.pieces.append(.entry(entry, text: "\(prefix)\(key)=\(value)\(end)"))
    }
    if !replaced {
      let line = copy.renderedLineCount + 1
      copy.pieces.append(
        .entry(Entry(key: key, value: value, line: line, valueColumn: key.count + 2), text: "\(key)=\(value)")
      )
      copy.endsWithNewline = true
    }
    return copy
  }

  /// The document without any assignment of `key` (the lines of the others kept as they are).
  public func removing(_ key: String) -> DotEnvDocument {
    var copy = self
    copy.pieces = pieces.filter { piece in
      if case .entry(let entry, _) = piece { return entry.key != key }
      return true
    }
    return copy
  }

  /// The text: every piece as read or set, one line break after each.
  public func rendered() -> String {
    let text = pieces.map { piece in
      switch piece {
      case .entry(_, let text): text
      case .other(let text): text
      }
    }.joined(separator: "\n")
    return pieces.isEmpty ? "" : text + (endsWithNewline ? "\n" : "")
  }

  /// Lines the rendered text takes (pieces may span several).
  private var renderedLineCount: Int {
    pieces.reduce(0) { count, piece in
      switch piece {
      case .entry(_, let text), .other(let text):
        count + text.split(separator: "\n", omittingEmptySubsequences: false).count
      }
    }
  }

  /// Whether `key` is a name both readers take unquoted: letters, digits, `_`, `.` and `-`, not empty.
  static func isKey<S: StringProtocol>(_ key: S) -> Bool {
    !key.isEmpty
      && key.utf8.allSatisfy { byte in
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
          || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
          || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "_.-".utf8.contains(byte)
      }
  }
}

/// One assignment read from the start of a line (and the lines a quoted value continues on).
private struct Scan {
  var key: String
  var value: String
  var valueColumn: Int
  var needsMoreLines = false
  /// The quote of a value still open (`needsMoreLines`).
  private var quote: Character = "\""

  /// nil for a line that assigns nothing: blank, a comment, or not `KEY=...`.
  init?(_ text: String) {
    var rest = Substring(text)
    rest = rest.drop { $0 == " " || $0 == "\t" }
    if rest.hasPrefix("export ") || rest.hasPrefix("export\t") {
      rest = rest.dropFirst(7).drop { $0 == " " || $0 == "\t" }
    }
    let keyEnd = rest.firstIndex { !(DotEnvDocument.isKey(String($0))) } ?? rest.endIndex
    let key = rest[..<keyEnd]
    guard DotEnvDocument.isKey(key) else { return nil }
    rest = rest[keyEnd...].drop { $0 == " " || $0 == "\t" }
    guard rest.first == "=" else { return nil }
    rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
    self.key = String(key)
    valueColumn = text.distance(from: text.startIndex, to: rest.startIndex) + 1
    guard let quote = rest.first, quote == "'" || quote == "\"" else {
      // Unquoted: up to a `#` that follows a blank, trailing blanks dropped.
      var end = rest.endIndex
      var previous: Character = " "
      for index in rest.indices {
        if rest[index] == "#" && (previous == " " || previous == "\t") {
          end = index
          break
        }
        previous = rest[index]
      }
      var unquoted = rest[..<end]
      while let last = unquoted.last, last == " " || last == "\t" || last == "\r" { unquoted.removeLast() }
      value = String(unquoted)
      return
    }
    self.quote = quote
    value = ""
    needsMoreLines = !Scan.decode(rest.dropFirst(), quote: quote, into: &value)
  }

  /// Reads the next line of a value left open: the same as reading the whole text again, as the
  /// line break before it is no escape for either quote.
  mutating func continueValue(with line: String) {
    needsMoreLines = !Scan.decode(Substring("\n" + line), quote: quote, into: &value)
  }

  /// Appends `rest`, decoded, to `decoded` up to the closing quote; whether it closed.
  private static func decode(_ rest: Substring, quote: Character, into decoded: inout String) -> Bool {
    var index = rest.startIndex
    while index < rest.endIndex {
      let character = rest[index]
      if character == quote { return true }
      if character == "\\", rest.index(after: index) < rest.endIndex {
        let next = rest[rest.index(after: index)]
        if quote == "'" {
          if next == "'" || next == "\\" {
            decoded.append(next)
            index = rest.index(index, offsetBy: 2)
            continue
          }
        } else {
          let escapes: [Character: String] = [
            "n": "\n", "t": "\t", "r": "\r", "\"": "\"", "\\": "\\", "'": "'",
          ]
          if let escaped = escapes[next] {
            decoded += escaped
            index = rest.index(index, offsetBy: 2)
            continue
          }
        }
      }
      decoded.append(character)
      index = rest.index(after: index)
    }
    return false
  }
}
