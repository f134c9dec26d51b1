import FoundationEssentials

/// One HTTP request as the sandbox's API sees it, independent of the network layer.
struct SandboxRequest: Sendable {
  var method: String
  /// The path without the query string, exactly as sent (not percent-decoded).
  var path: String
  /// Query parameters, percent-decoded; the first value wins when a name repeats.
  var query: [String: String]
  var headers: [(name: String, value: String)]
  var body: [UInt8]

  /// Splits a request target (`/path?query`) into path and query.
  init(method: String, target: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
    self.method = method
    self.headers = headers
    self.body = body
    let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    self.path = parts.first.map(String.init) ?? ""
    var query: [String: String] = [:]
    if parts.count == 2 {
      for pair in parts[1].split(separator: "&") {
        let nameAndValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = Self.decode(nameAndValue[0])
        let value = nameAndValue.count == 2 ? Self.decode(nameAndValue[1]) : ""
        if query[name] == nil { query[name] = value }
      }
    }
    self.query = query
  }

  /// The first value of a header, matched case-insensitively.
  func header(_ name: String) -> String? {
    let wanted = name.lowercased()
    return headers.first { $0.name.lowercased() == wanted }?.value
  }

  private static func decode(_ text: Substring) -> String {
    let plusAsSpace = text.replacing("+", with: " ")
    return percentDecoded(plusAsSpace) ?? String(plusAsSpace)
  }

  /// `%XX` escapes replaced by their bytes; nil when an escape is malformed or the bytes are not
  /// UTF-8 (as Foundation's `removingPercentEncoding`).
  private static func percentDecoded(_ text: Substring) -> String? {
    var bytes: [UInt8] = []
    var iterator = text.utf8.makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
        return nil
      }
      bytes.append(high << 4 | low)
    }
    return String(validating: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
