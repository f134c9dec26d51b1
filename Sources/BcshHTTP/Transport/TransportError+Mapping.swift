import AsyncHTTPClient
import BcshModel
import BcshPorts
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension TransportError {
  /// Sorts an error from AsyncHTTPClient, NIO or NIOSSL into the case verify diagnoses.
  static func mapping(_ error: any Error, host: String) -> TransportError {
    switch error {
    case let error as TransportError:
      return error
    case let error as HTTPClientError:
      return mapping(error)
    case let error as NIOConnectionError:
      return mapping(error, host: host)
    case let error as IOError where error.errnoCode == ECONNREFUSED:
      return .connectionRefused(host: host)
    case let error as IOError:
      // IOError's description is the failing system call ("read(descriptor:pointer:size:)"),
      // which says nothing to a user; the errno does.
      return .other(systemReason(error.errnoCode))
    case let error as ChannelError where error == .ioOnClosedChannel || error == .eof:
      return .other("the server closed the connection before answering")
    case let error as ChannelError where isConnectTimeout(error):
      return .timeout
    case let error as HTTPParserError:
      return mapping(error)
    case let error as NIOSSLExtraError where error == .failedToValidateHostname:
      return .tlsFailure("the server's certificate is not for \(host)")
    case NIOSSLError.uncleanShutdown:
      return .tlsFailure("the server closed the TLS connection without ending it properly")
    case is NIOSSLError, is NIOSSLExtraError, is BoringSSLError:
      return .tlsFailure(tlsReason(String(describing: error)))
    default:
      // A library's own text ("SomeError.case(...)") would say nothing to a user.
      return .other("the request could not be completed")
    }
  }

  /// A malformed answer, as the HTTP decoder found it.
  private static func mapping(_ error: HTTPParserError) -> TransportError {
    switch error {
    case .headerOverflow: .malformedResponse("the server's answer has a head too large (over 80 KiB)")
    case .invalidEOFState: .malformedResponse("the connection closed before the whole answer arrived")
    default: .malformedResponse("the server's answer is not HTTP")
    }
  }

  /// A TLS failure in words, from BoringSSL's reason codes ("SSLV3_ALERT_HANDSHAKE_FAILURE",
  /// "WRONG_VERSION_NUMBER"), which name the cause but come with codes and a build path.
  static func tlsReason(_ text: String) -> String {
    let words = text.split { !($0.isUppercase || $0 == "_") }
    if let alert = words.first(where: { $0.contains("ALERT_") }) {
      let name = alert.split(separator: "ALERT_").last.map { $0.lowercased() } ?? ""
      return
        "the server refused the TLS handshake (alert: \(name.split(separator: "_").joined(separator: " ")))"
    }
    if words.contains(where: {
      ["WRONG_VERSION_NUMBER", "HTTP_REQUEST", "PACKET_LENGTH_TOO_LONG", "RECORD_TOO_LARGE"].contains($0)
    }) {
      return "the server does not speak TLS on this port"
    }
    if words.contains("CERTIFICATE_VERIFY_FAILED") { return "the server's certificate is not trusted" }
    return "the TLS handshake failed"
  }

  private static func mapping(_ error: HTTPClientError) -> TransportError {
    switch error {
    case .deadlineExceeded, .connectTimeout, .readTimeout, .writeTimeout:
      return .timeout
    case .tlsHandshakeTimeout:
      return .tlsFailure("the TLS handshake timed out")
    case .remoteConnectionClosed:
      return .other("the server closed the connection before answering")
    case .bodyLengthMismatch:
      return .malformedResponse("the connection closed before the whole answer arrived")
    default:
      return .other("the request could not be completed")
    }
  }

  private static func mapping(_ error: NIOConnectionError, host: String) -> TransportError {
    let failures = error.connectionErrors.map(\.error)
    // A TLS failure while the connection was set up (a CA file NIOSSL failed to load came this
    // way, wrapped in one SingleConnectionFailure per address): that failure is the one to tell,
    // not the refusal of another address.
    if let tls = failures.first(where: { $0 is NIOSSLError || $0 is NIOSSLExtraError || $0 is BoringSSLError }
    ) {
      return mapping(tls, host: host)
    }
    if failures.contains(where: { ($0 as? IOError)?.errnoCode == ECONNREFUSED }) {
      return .connectionRefused(host: host)
    }
    if failures.isEmpty {
      // No address to try: the name did not resolve (or resolved to nothing).
      return .nameNotResolved(host: host)
    }
    if failures.contains(where: isConnectTimeout) { return .timeout }
    if let code = failures.lazy.compactMap({ ($0 as? IOError)?.errnoCode }).first {
      return .other("cannot connect to \(host): " + systemReason(code))
    }
    return .other("cannot connect to \(host)")
  }

  /// A system error in words: "the server reset the connection", or strerror's text.
  private static func systemReason(_ code: Int32) -> String {
    switch code {
    case ECONNRESET: "the server reset the connection"
    case EPIPE: "the server closed the connection while bcsh was sending"
    case ETIMEDOUT: "the connection timed out"
    case ENETUNREACH, EHOSTUNREACH: "the network or host is unreachable"
    default: "network error: " + String(cString: strerror(code)).lowercased()
    }
  }

  private static func isConnectTimeout(_ error: any Error) -> Bool {
    if case .connectTimeout = error as? ChannelError { return true }
    return false
  }
}
