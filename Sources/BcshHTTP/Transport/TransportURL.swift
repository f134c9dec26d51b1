import BcshModel
import BcshPorts
import FoundationEssentials

/// The URLs bcsh sends credentials to: `https://` anywhere, `http://` only to loopback addresses.
enum TransportURL {
  /// The URL's host when bcsh may send to it; throws ``TransportError/insecureURL(_:)`` otherwise.
  static func checkedHost(of url: String) throws -> String {
    guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
      let rawHost = parsed.host, !rawHost.isEmpty
    else { throw TransportError.insecureURL(url) }
    // An IPv6 literal comes bracketed: [::1].
    var host = Substring(rawHost)
    while host.first == "[" || host.first == "]" { host.removeFirst() }
    while host.last == "[" || host.last == "]" { host.removeLast() }
    let unbracketed = String(host)
    switch scheme {
    case "https": return unbracketed
    case "http" where APIBase.isLoopback(host: unbracketed): return unbracketed
    default: throw TransportError.insecureURL(url)
    }
  }
}
