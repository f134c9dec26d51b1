import AsyncHTTPClient
import BcshCore
import NIOCore
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
    case let error as NIOSSLError:
      return .tlsFailure(String(describing: error))
    case let error as NIOSSLExtraError:
      return .tlsFailure(String(describing: error))
    case let error as BoringSSLError:
      return .tlsFailure(String(describing: error))
    default:
      return .other(String(describing: error))
    }
  }

  private static func mapping(_ error: HTTPClientError) -> TransportError {
    switch error {
    case .deadlineExceeded, .connectTimeout, .readTimeout, .writeTimeout:
      return .timeout
    case .tlsHandshakeTimeout:
      return .tlsFailure("the TLS handshake timed out")
    case .remoteConnectionClosed:
      return .other("the server closed the connection before answering")
    default:
      return .other(String(describing: error))
    }
  }

  private static func mapping(_ error: NIOConnectionError, host: String) -> TransportError {
    let failures = error.connectionErrors.map(\.error)
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
    return .other(String(describing: error))
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
