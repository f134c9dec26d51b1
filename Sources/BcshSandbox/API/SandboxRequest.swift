import Foundation

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
    let plusAsSpace = text.replacingOccurrences(of: "+", with: " ")
    return plusAsSpace.removingPercentEncoding ?? plusAsSpace
  }
}
