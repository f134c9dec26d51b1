import BcshModel
import BcshPorts
import JSONText

/// A JSON file that is one object of settings (stencil's `config.stencil.json` and
/// `secrets.stencil.json`): members kept in the order written, whatever their values, so that a
/// merge changes only the keys bcsh sets.
public struct JSONSettingsDocument: Sendable, Equatable {
  /// The members, in file order.
  public private(set) var members: [(String, JSONValue)] = []
  /// The line each top-level key stood on when read (its first occurrence in the text).
  public private(set) var lines: [String: Int] = [:]

  public init() {}

  public static func == (lhs: JSONSettingsDocument, rhs: JSONSettingsDocument) -> Bool {
    JSONValue.object(lhs.members) == JSONValue.object(rhs.members)
  }

  /// The value of `key` (the last one written, as JavaScript's `JSON.parse` takes it).
  public subscript(key: String) -> JSONValue? { members.last { $0.0 == key }?.1 }

  /// The text of `key` when it is a string.
  public func string(_ key: String) -> String? { self[key]?.string }

  /// Reads the text; `source` names it in errors, placed where the JSON stops making sense.
  public static func parse(_ text: String, source: String) throws(BcshError) -> JSONSettingsDocument {
    let body = AtomicFile.withoutByteOrderMark(text)
    let bytes = Array(body.utf8)
    let value: JSONValue
    do throws(JSONReadError) {
      value = try JSONReader.value(bytes)
    } catch {
      throw BcshError(
        "the JSON is malformed (\(error.message))", code: .invalidFile,
        at: SourceCursor.position(ofByte: error.offset, in: bytes, source: source), cause: error)
    }
    guard case .object(let members) = value else {
      throw BcshError(
        "expected a JSON object of settings", code: .invalidFile,
        at: SourcePosition(source: source, line: 1, column: 1))
    }
    var document = JSONSettingsDocument()
    document.members = members
    document.lines = Self.keyLines(members.map(\.0), in: bytes)
    return document
  }

  /// The line of each key's first `"key"` at nesting depth one, found in one pass.
  private static func keyLines(_ keys: [String], in bytes: [UInt8]) -> [String: Int] {
    var lines: [String: Int] = [:]
    var line = 1
    var depth = 0
    var index = 0
    let wanted = Set(keys)
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\n"): line += 1
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
      case UInt8(ascii: "\""):
        let start = index + 1
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
          if bytes[index] == UInt8(ascii: "\\") { index += 1 }
          index += 1
        }
        if depth == 1 {
          let text = String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self)
          if wanted.contains(text), lines[text] == nil { lines[text] = line }
        }
      default: break
      }
      index += 1
    }
    return lines
  }

  /// The document with `key` set to `value`: in place (every member of that key, should it appear
  /// twice), or appended.
  public func setting(_ key: String, _ value: JSONValue) -> JSONSettingsDocument {
    var copy = self
    if copy.members.contains(where: { $0.0 == key }) {
      copy.members = copy.members.map { $0.0 == key ? (key, value) : $0 }
    } else {
      copy.members.append((key, value))
    }
    return copy
  }

  /// The document without `key`.
  public func removing(_ key: String) -> JSONSettingsDocument {
    var copy = self
    copy.members.removeAll { $0.0 == key }
    return copy
  }

  /// Two-space indented JSON, as stencil writes it (`JSON.stringify(config, null, 2)`), with a
  /// final line break.
  public func rendered() -> String { JSONValue.object(members).serialized(pretty: true) + "\n" }
}
