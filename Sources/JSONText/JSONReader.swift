/// Reads JSON text into a `JSONValue`, keys in the order written, without Foundation: bcsh links
/// only FoundationEssentials, which starts faster. Every JSON bcsh and its sandbox read goes
/// through here once (`JSONValueDecoder` turns the value into a `Decodable` type). Nesting is
/// limited so that no input can exhaust the stack.
public enum JSONReader {
  /// How deeply arrays and objects may nest.
  public static let maximumDepth = 512

  /// The JSON value that `bytes` hold, or an error with the byte offset where reading stopped.
  public static func value(_ bytes: some Collection<UInt8>) throws(JSONReadError) -> JSONValue {
    var reader = Reader(bytes: Array(bytes))
    reader.skipBlanks()
    let value = try reader.value(depth: 0)
    reader.skipBlanks()
    guard reader.index == reader.bytes.count else {
      throw reader.error("unexpected text after the JSON value")
    }
    return value
  }
}

private struct Reader {
  let bytes: [UInt8]
  var index = 0

  mutating func value(depth: Int) throws(JSONReadError) -> JSONValue {
    guard depth < JSONReader.maximumDepth else { throw error("arrays and objects nest too deeply") }
    guard let byte = peek() else { throw error("unexpected end of file") }
    switch byte {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw error("unexpected character '\(Unicode.Scalar(byte))'")
    }
  }

  /// An object's members in the order written; a key written twice keeps its first place and its
  /// last value, as a dictionary would.
  private mutating func object(depth: Int) throws(JSONReadError) -> JSONValue {
    var members: [(String, JSONValue)] = []
    var places: [String: Int] = [:]
    try items(closing: "}", in: "an object") { reader throws(JSONReadError) in
      guard reader.peek() == UInt8(ascii: "\"") else { throw reader.error("expected a string key") }
      let key = try reader.string()
      reader.skipBlanks()
      guard reader.peek() == UInt8(ascii: ":") else { throw reader.error("expected ':' after a key") }
      reader.index += 1
      reader.skipBlanks()
      let value = try reader.value(depth: depth + 1)
      if let place = places[key] {
        members[place].1 = value
      } else {
        places[key] = members.count
        members.append((key, value))
      }
    }
    return .object(members)
  }

  private mutating func array(depth: Int) throws(JSONReadError) -> JSONValue {
    var elements: [JSONValue] = []
    try items(closing: "]", in: "an array") { reader throws(JSONReadError) in
      elements.append(try reader.value(depth: depth + 1))
    }
    return .array(elements)
  }

  /// The items of an object or array, from its opening bracket (at `index`) to `closing`: `read`
  /// reads one, and commas separate them.
  private mutating func items(
    closing: Unicode.Scalar, in container: String, _ read: (inout Reader) throws(JSONReadError) -> Void
  ) throws(JSONReadError) {
    let end = UInt8(ascii: closing)
    index += 1
    skipBlanks()
    if peek() == end {
      index += 1
      return
    }
    while true {
      skipBlanks()
      try read(&self)
      skipBlanks()
      switch peek() {
      case UInt8(ascii: ","): index += 1
      case end:
        index += 1
        return
      default: throw error("expected ',' or '\(closing)' in \(container)")
      }
    }
  }

  private mutating func string() throws(JSONReadError) -> String {
    index += 1
    var text: [UInt8] = []
    while let byte = peek() {
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        return String(decoding: text, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard let escaped = peek() else { break }
        index += 1
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"): text += try unicodeEscape()
        default: throw error("unknown escape '\\\(Unicode.Scalar(escaped))'")
        }
      case 0..<0x20:
        throw error("a control character inside a string")
      default:
        text.append(byte)
      }
    }
    throw error("unexpected end of file inside a string")
  }

  /// The four hex digits after `\u` (and a second `\uXXXX` for a surrogate pair), as UTF-8.
  private mutating func unicodeEscape() throws(JSONReadError) -> [UInt8] {
    var value = try hex4()
    if (0xD800..<0xDC00).contains(value), peek() == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") {
      index += 2
      let low = try hex4()
      guard (0xDC00..<0xE000).contains(low) else { throw error("an unpaired surrogate in \\u escapes") }
      value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
    }
    guard let scalar = Unicode.Scalar(value) else { throw error("an unpaired surrogate in \\u escapes") }
    return Array(String(Character(scalar)).utf8)
  }

  private mutating func hex4() throws(JSONReadError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = peek(), let digit = hexValue(byte) else {
        throw error("expected 4 hex digits after \\u")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  private func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  private mutating func number() throws(JSONReadError) -> JSONValue {
    let start = index
    var integral = true
    if peek() == UInt8(ascii: "-") { index += 1 }
    guard let first = peek(), first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
      throw error("expected a digit")
    }
    while let byte = peek() {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): index += 1
      case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"):
        integral = false
        index += 1
      default:
        return try finishNumber(from: start, integral: integral)
      }
    }
    return try finishNumber(from: start, integral: integral)
  }

  private func finishNumber(from start: Int, integral: Bool) throws(JSONReadError) -> JSONValue {
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if integral, let value = Int(text) { return .number(value) }
    guard let value = Double(text) else { throw JSONReadError(message: "a malformed number", offset: start) }
    return .double(value)
  }

  private mutating func literal(_ word: String, _ value: JSONValue) throws(JSONReadError) -> JSONValue {
    for byte in word.utf8 {
      guard peek() == byte else { throw error("unexpected character") }
      index += 1
    }
    return value
  }

  mutating func skipBlanks() {
    while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
  }

  private func peek(_ offset: Int = 0) -> UInt8? {
    index + offset < bytes.count ? bytes[index + offset] : nil
  }

  func error(_ message: String) -> JSONReadError { JSONReadError(message: message, offset: index) }
}
