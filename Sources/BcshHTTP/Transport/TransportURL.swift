import BcshCore
import Foundation

/// The URLs bcsh sends credentials to: `https://` anywhere, `http://` only to loopback addresses.
enum TransportURL {
  /// The URL's host when bcsh may send to it; throws ``TransportError/insecureURL(_:)`` otherwise.
  static func checkedHost(of url: String) throws -> String {
    guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
      let rawHost = parsed.host, !rawHost.isEmpty
    else { throw TransportError.insecureURL(url) }
    let host = rawHost.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
    switch scheme {
    case "https": return host
    case "http" where isLoopback(host): return host
    default: throw TransportError.insecureURL(url)
    }
  }

  /// `localhost`, `127.0.0.0/8` in dotted-quad form, or `::1`.
  static func isLoopback(_ host: String) -> Bool {
    let host = host.lowercased()
    if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
    let octets = host.split(separator: ".", omittingEmptySubsequences: false)
    return octets.count == 4 && octets[0] == "127"
      && octets.allSatisfy { $0.count <= 3 && UInt8($0) != nil }
  }
}
