import BcshModel

/// The capability to send one HTTP request. Implementations never follow redirects (a 3xx is
/// returned as it is), cut bodies at their limit and give up at the deadline.
public protocol HTTPTransport: Sendable {
  func send(_ request: HTTPRequest, deadline: ContinuousClock.Instant) async throws -> HTTPResponse
  /// Releases connections and threads. Called once when verify is done.
  func shutdown() async
}
