import BcshModel

/// One HTTP request as verify sends it. Headers keep their order; names are case-insensitive.
public struct HTTPRequest: Sendable, Equatable {
  public var method: HTTPMethod
  public var url: String
  public var headers: [(name: String, value: String)]
  public var body: [UInt8]?

  public init(
    method: HTTPMethod, url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
  }

  public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
    lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
      && lhs.headers.map { [$0.name.lowercased(), $0.value] }
        == rhs.headers.map { [$0.name.lowercased(), $0.value] }
  }
}

/// One HTTP response. `body` holds at most the transport's size limit; `truncated` says it was cut.
public struct HTTPResponse: Sendable {
  public var status: Int
  public var headers: [(name: String, value: String)]
  public var body: [UInt8]
  public var truncated: Bool

  public init(
    status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [],
    truncated: Bool = false
  ) {
    self.status = status
    self.headers = headers
    self.body = body
    self.truncated = truncated
  }

  /// The first value of a header, matched case-insensitively.
  public func header(_ name: String) -> String? {
    let wanted = name.lowercased()
    return headers.first { $0.name.lowercased() == wanted }?.value
  }
}

/// Why a request got no HTTP response at all. Each case maps to its own diagnosis in verify.
public enum TransportError: Error, Sendable, Equatable {
  /// The deadline passed before a response arrived.
  case timeout
  /// Nothing listens at that host and port.
  case connectionRefused(host: String)
  /// The host name did not resolve.
  case nameNotResolved(host: String)
  /// The TLS handshake failed (untrusted certificate, wrong host name, protocol error).
  case tlsFailure(String)
  /// The URL is not one bcsh sends credentials to (not https, and not http to a loopback address).
  case insecureURL(String)
  /// The answer was not HTTP as BigCommerce speaks it (garbage, a head too large, a body shorter
  /// than it said): what was wrong, in bcsh's words.
  case malformedResponse(String)
  /// `BCSH_CA_BUNDLE` names nothing usable (empty, unreadable, not a regular file, no PEM
  /// certificate): why.
  case caBundle(String)
  /// Anything else the transport could not complete.
  case other(String)
}

/// The capability to send one HTTP request. Implementations never follow redirects (a 3xx is
/// returned as it is), cut bodies at their limit and give up at the deadline.
public protocol HTTPTransport: Sendable {
  func send(_ request: HTTPRequest, deadline: ContinuousClock.Instant) async throws -> HTTPResponse
  /// Releases connections and threads. Called once when verify is done.
  func shutdown() async
}
