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
    case "http" where APIBase.isLoopback(host: host): return host
    default: throw TransportError.insecureURL(url)
    }
  }
}
