/// The host names and addresses the sandbox agrees to listen on: loopback only.
enum LoopbackHost {
  /// The address to bind for `host`, or `nil` when `host` is not loopback.
  ///
  /// Accepts `localhost`, IPv4 `127.0.0.0/8` in dotted-quad form and IPv6 `::1`. Anything else,
  /// including the wildcard addresses `0.0.0.0` and `::`, is refused.
  static func bindAddress(for host: String) -> String? {
    let host = host.lowercased()
    if host == "localhost" { return "127.0.0.1" }
    if ["::1", "[::1]", "0:0:0:0:0:0:0:1"].contains(host) { return "::1" }
    let octets = host.split(separator: ".", omittingEmptySubsequences: false)
    guard octets.count == 4,
      octets.allSatisfy({
        !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) && Int($0) ?? 256 <= 255
      }),
      octets[0] == "127"
    else { return nil }
    return host
  }

  /// How `address` appears in a URL: IPv6 in brackets.
  static func urlHost(_ address: String) -> String {
    address.contains(":") ? "[\(address)]" : address
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
