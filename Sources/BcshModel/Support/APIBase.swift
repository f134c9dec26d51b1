/// Where verify sends requests: BigCommerce's API host, or another base for tests and the sandbox.
public enum APIBase {
  public static let production = "https://api.bigcommerce.com"

  /// `https://...` anywhere, `http://` only to a loopback address; no path, query or trailing slash.
  public static func validated(_ text: String) throws(BcshError) -> String {
    var base = text.trimmingBlanks()
    while base.hasSuffix("/") { base.removeLast() }
    let lower = base.lowercased()
    let scheme: String
    if lower.hasPrefix("https://") {
      scheme = "https://"
    } else if lower.hasPrefix("http://") {
      scheme = "http://"
    } else {
      throw BcshError(
        "\(ShownWord.quoted(text)) is not an http(s) URL", code: .invalidValue, hint: "e.g. \(production)")
    }
    let authority = String(base.dropFirst(scheme.count))
    guard !authority.isEmpty, !authority.contains("/"), !authority.contains("?"), !authority.contains("@")
    else {
      throw BcshError(
        "\(ShownWord.quoted(text)) must be a scheme and host only", code: .invalidValue,
        hint: "e.g. \(production)")
    }
    guard hasValidPort(authority: authority) else {
      throw BcshError(
        "\(ShownWord.quoted(text)) has a port that is not a number from 1 to 65535", code: .invalidValue,
        hint: "e.g. http://127.0.0.1:8080")
    }
    if scheme == "http://" && !isLoopback(authority: authority) {
      throw BcshError(
        "\(ShownWord.quoted(text)) would send credentials unencrypted", code: .invalidValue,
        hint: "http:// is accepted only for loopback addresses")
    }
    return base
  }

  /// Whether `host[:port]` (IPv6 in brackets) has a host and, when it has a port, a number from 1
  /// to 65535 in decimal digits.
  static func hasValidPort(authority: String) -> Bool {
    var rest = Substring(authority)
    if rest.hasPrefix("[") {
      guard let close = rest.firstIndex(of: "]"), close > rest.index(after: rest.startIndex) else {
        return false
      }
      rest = rest[rest.index(after: close)...]
      guard rest.isEmpty || rest.hasPrefix(":") else { return false }
    } else if let colon = rest.firstIndex(of: ":") {
      guard colon > rest.startIndex else { return false }
      rest = rest[colon...]
    } else {
      return true
    }
    guard rest.hasPrefix(":") else { return true }
    let port = rest.dropFirst()
    return !port.isEmpty && port.count <= 5 && port.allSatisfy { $0.isASCII && $0.isNumber }
      && (1...65535).contains(Int(port) ?? 0)
  }

  /// Whether `host[:port]` (IPv6 in brackets) names this machine.
  public static func isLoopback(authority: String) -> Bool {
    var host = Substring(authority)
    if host.hasPrefix("[") {
      guard let close = host.firstIndex(of: "]") else { return false }
      host = host[host.index(after: host.startIndex)..<close]
    } else if let colon = host.lastIndex(of: ":") {
      host = host[..<colon]
    }
    return isLoopback(host: String(host))
  }

  /// Whether a bare host is `localhost`, in `127.0.0.0/8` (dotted quad) or `::1`.
  public static func isLoopback(host: String) -> Bool {
    let host = host.lowercased()
    if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
    let octets = host.split(separator: ".", omittingEmptySubsequences: false)
    return octets.count == 4 && octets[0] == "127"
      && octets.allSatisfy {
        (1...3).contains($0.count) && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber)
          && UInt8($0) != nil
      }
  }
}
