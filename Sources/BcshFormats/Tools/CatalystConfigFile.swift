import BcshModel
import BcshPorts

/// The `.catalyst` file create-catalyst keeps in a project (`packages/create-catalyst/src/utils/
/// config.ts`): TOML whose `[auth]` table holds `storeHash` and `accessToken`, after a comment
/// preamble. Only what that file can hold is read: comments, blank lines, `[table]` headers and
/// `key = "string"` (basic or literal); any other line is an error at its place.
public struct CatalystConfigFile: Sendable, Equatable {
  public static let fileName = ".catalyst"

  public var storeHash: String?
  public var accessToken: String?
  /// The line of `storeHash` and `accessToken` in `[auth]`, when read from a file.
  public var lines: [String: Int] = [:]

  public init(storeHash: String? = nil, accessToken: String? = nil) {
    self.storeHash = storeHash
    self.accessToken = accessToken
  }

  /// Reads the file's text; `source` names it in errors (`.catalyst:6:15`).
  public static func parse(_ text: String, source: String) throws(BcshError) -> CatalystConfigFile {
    var file = CatalystConfigFile()
    var table = ""
    var lineNumber = 0
    for rawLine in AtomicFile.withoutByteOrderMark(text).split(
      omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    {
      lineNumber += 1
      let line = String(rawLine)
      let trimmed = line.trimmingBlanks()
      func place(_ column: Int) -> SourcePosition {
        SourcePosition(source: source, line: lineNumber, column: column)
      }
      let indent = line.count - String(line.drop { $0 == " " || $0 == "\t" }).count
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      if trimmed.hasPrefix("[") {
        guard let close = trimmed.firstIndex(of: "]"), Self.isComment(trimmed[trimmed.index(after: close)...])
        else {
          throw BcshError("a table header that does not close", code: .invalidFile, at: place(indent + 1))
        }
        table = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close]).trimmingBlanks()
        continue
      }
      guard let equals = trimmed.firstIndex(of: "=") else {
        throw BcshError(
          "expected 'key = \"value\"'", code: .invalidFile,
          hint: "the file create-catalyst writes has [auth] "
            + "with storeHash and accessToken", at: place(indent + 1))
      }
      var key = String(trimmed[..<equals]).trimmingBlanks()
      if key.count >= 2, let first = key.first, first == "\"" || first == "'", key.last == first {
        key = String(key.dropFirst().dropLast())
      }
      let valueText = trimmed[trimmed.index(after: equals)...]
      let valueColumn =
        indent + trimmed.distance(from: trimmed.startIndex, to: equals) + 2
        + valueText.prefix { $0 == " " || $0 == "\t" }.count
      let value = try Self.string(valueText.drop { $0 == " " || $0 == "\t" }, at: place(valueColumn))
      guard table == "auth", key == "storeHash" || key == "accessToken" else { continue }
      if key == "storeHash" { file.storeHash = value } else { file.accessToken = value }
      file.lines[key] = lineNumber
    }
    return file
  }

  /// A TOML string: `"basic"` (with `\"` and `\\` escapes) or `'literal'`, then only a comment.
  /// Values that are not strings (numbers, booleans) are read as their text.
  private static func string(_ text: Substring, at place: SourcePosition) throws(BcshError) -> String {
    guard let quote = text.first, quote == "\"" || quote == "'" else {
      let bare = String(text.prefix { $0 != "#" }).trimmingBlanks()
      guard !bare.isEmpty else { throw BcshError("a key with no value", code: .invalidFile, at: place) }
      return bare
    }
    var value = ""
    var index = text.index(after: text.startIndex)
    while index < text.endIndex {
      let character = text[index]
      if character == quote {
        guard isComment(text[text.index(after: index)...]) else {
          throw BcshError("text after the closing quote", code: .invalidFile, at: place)
        }
        return value
      }
      if quote == "\"", character == "\\", text.index(after: index) < text.endIndex {
        index = text.index(after: index)
        let escaped: [Character: Character] = ["n": "\n", "t": "\t", "\"": "\"", "\\": "\\"]
        value.append(escaped[text[index]] ?? text[index])
      } else {
        value.append(character)
      }
      index = text.index(after: index)
    }
    throw BcshError("a string that does not close", code: .invalidFile, at: place)
  }

  /// Whether `rest` is only blanks and perhaps a comment.
  private static func isComment(_ rest: Substring) -> Bool {
    let trimmed = rest.drop { $0 == " " || $0 == "\t" }
    return trimmed.isEmpty || trimmed.hasPrefix("#")
  }
}
