/// A JSON document with keys in the order they were written, so `--json` output is stable. The one
/// shape JSON has in bcsh and its sandbox: written here, read by `JSONReader`.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Int)
  /// A number with a fraction or an exponent, or an integer too large for `Int`, as read.
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.serialized() == rhs.serialized()
  }

  /// An optional string as a string or null.
  public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

  /// Compact (one line) or pretty (two-space indent) text.
  public func serialized(pretty: Bool = false) -> String {
    var out = ""
    write(to: &out, pretty: pretty, indent: 0)
    return out
  }

  private func write(to out: inout String, pretty: Bool, indent: Int) {
    let newline = pretty ? "\n" : ""
    let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
    let closePad = pretty ? String(repeating: "  ", count: indent) : ""
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .number(let value): out += String(value)
    // JSON has no infinity or NaN (a read "1e999" is infinite): they are written as null.
    case .double(let value): out += value.isFinite ? String(value) : "null"
    case .string(let value): JSONValue.quote(value, into: &out)
    case .array(let values):
      if values.isEmpty {
        out += "[]"
        return
      }
      out += "[" + newline
      for (index, value) in values.enumerated() {
        out += pad
        value.write(to: &out, pretty: pretty, indent: indent + 1)
        out += (index < values.count - 1 ? "," : "") + newline
      }
      out += closePad + "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{" + newline
      for (index, (key, value)) in members.enumerated() {
        out += pad
        JSONValue.quote(key, into: &out)
        out += pretty ? ": " : ":"
        value.write(to: &out, pretty: pretty, indent: indent + 1)
        out += (index < members.count - 1 ? "," : "") + newline
      }
      out += closePad + "}"
    }
  }

  private static func quote(_ text: String, into out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}

extension JSONValue {
  /// The value of member `key` when this is an object (the last one written, should a key appear
  /// twice); nil otherwise.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.last { $0.0 == key }?.1
  }

  /// The text, when this is a string.
  public var string: String? {
    guard case .string(let text) = self else { return nil }
    return text
  }

  /// The number, when this is a number without a fraction that fits an `Int`.
  public var integer: Int? {
    guard case .number(let value) = self else { return nil }
    return value
  }

  /// The elements, when this is an array.
  public var elements: [JSONValue]? {
    guard case .array(let values) = self else { return nil }
    return values
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .number(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}
