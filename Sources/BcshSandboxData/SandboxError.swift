/// Why the sandbox could not start or load its configuration.
public enum SandboxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The sandbox listens on loopback only; this host is not a loopback address.
  case nonLoopbackHost(String)
  /// The configuration contradicts itself (duplicate token, token for an unknown store, ...).
  case invalidConfiguration(String)
  /// The configuration file could not be read or decoded.
  case unreadableConfiguration(path: String, reason: String)
  /// The TLS certificate chain or private key could not be loaded.
  case tlsSetup(String)
  /// Another program listens on the requested port already.
  case portInUse(host: String, port: Int)
  /// `start()` was called on a server that is already running.
  case alreadyStarted
  /// `baseURL` or `stop()` was used before `start()`.
  case notStarted

  public var description: String {
    switch self {
    case .nonLoopbackHost(let host):
      return "the sandbox listens on loopback only (127.0.0.1, ::1, localhost), not on '\(host)'"
    case .invalidConfiguration(let reason):
      return "invalid sandbox configuration: \(reason)"
    case .unreadableConfiguration(let path, let reason):
      return "cannot read sandbox configuration '\(path)': \(reason)"
    case .tlsSetup(let reason):
      return "cannot set up TLS for the sandbox: \(reason)"
    case .portInUse(let host, let port):
      return "port \(port) on \(host) is in use by another program"
    case .alreadyStarted:
      return "the sandbox server is already running"
    case .notStarted:
      return "the sandbox server is not running"
    }
  }

  /// What to do about it, where there is something to say.
  public var hint: String? {
    switch self {
    case .portInUse: "choose another with --port, or --port 0 for a free one"
    case .nonLoopbackHost: "use --host 127.0.0.1 or ::1"
    default: nil
    }
  }
}
