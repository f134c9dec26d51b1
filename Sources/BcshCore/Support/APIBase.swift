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
      throw BcshError("'\(text)' is not an http(s) URL", hint: "e.g. \(production)")
    }
    let authority = String(base.dropFirst(scheme.count))
    guard !authority.isEmpty, !authority.contains("/"), !authority.contains("?"), !authority.contains("@")
    else {
      throw BcshError("'\(text)' must be a scheme and host only", hint: "e.g. \(production)")
    }
    if scheme == "http://" && !isLoopback(authority: authority) {
      throw BcshError(
        "'\(text)' would send credentials unencrypted",
        hint: "http:// is accepted only for loopback addresses")
    }
    return base
  }

  /// Whether `host[:port]` names this machine: 127.0.0.0/8, ::1 or localhost.
  public static func isLoopback(authority: String) -> Bool {
    var host = authority.lowercased()
    if host.hasPrefix("[") {
      guard let close = host.firstIndex(of: "]") else { return false }
      host = String(host[host.index(after: host.startIndex)..<close])
      return host == "::1"
    }
    if let colon = host.lastIndex(of: ":") { host = String(host[..<colon]) }
    if host == "localhost" { return true }
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
  }
}
