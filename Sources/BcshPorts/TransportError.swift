import BcshModel

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
