import BcshSandboxData
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// A loopback HTTP(S) server that behaves like the BigCommerce API for the configured stores,
/// tokens and accounts.
///
/// It listens on loopback only; `start()` refuses any other host.
public final class SandboxServer: Sendable {
  public let configuration: SandboxConfiguration
  public let host: String
  public let tls: SandboxTLS?
  private let requestedPort: Int
  /// Connections open at once; one more is closed as soon as it is accepted.
  public let maximumConnections: Int
  /// A connection with no request in flight that sends and receives nothing this long is closed.
  public let idleTimeout: Duration
  private let api: SandboxAPI
  private let state = Mutex(State.idle)
  private let connections: OpenConnections

  private enum State {
    case idle
    case starting
    case running(any Channel, port: Int)
    case stopped
  }

  /// - Parameters:
  ///   - host: `127.0.0.1` (default), another `127.x.y.z`, `::1` or `localhost`.
  ///   - port: 0 (default) picks a free port; `start()` returns it.
  ///   - tls: serve HTTPS with this certificate and key instead of plain HTTP.
  ///   - maximumConnections: connections open at once (256 by default); a client cannot use up
  ///     the server's file descriptors.
  ///   - idleTimeout: how long a connection may sit silent with no request in flight (30 seconds
  ///     by default), so that abandoned or hostile clients do not keep their descriptors.
  public init(
    configuration: SandboxConfiguration, host: String = "127.0.0.1", port: Int = 0, tls: SandboxTLS? = nil,
    maximumConnections: Int = 256, idleTimeout: Duration = .seconds(30)
  ) {
    self.maximumConnections = max(1, maximumConnections)
    self.connections = OpenConnections(limit: self.maximumConnections)
    self.idleTimeout = idleTimeout
    self.configuration = configuration
    self.host = host
    self.requestedPort = port
    self.tls = tls
    self.api = SandboxAPI(configuration: configuration)
  }

  /// Binds and starts serving; returns the bound port.
  ///
  /// Throws ``SandboxError/nonLoopbackHost(_:)`` for a host that is not loopback, before anything
  /// is bound.
  public func start() async throws -> Int {
    guard let address = LoopbackHost.bindAddress(for: host) else { throw SandboxError.nonLoopbackHost(host) }
    guard (0...65535).contains(requestedPort) else {
      throw SandboxError.invalidConfiguration("port \(requestedPort) is out of range")
    }
    try configuration.validate()
    let sslContext = try tls?.makeContext()
    try state.withLock { state in
      guard case .idle = state else { throw SandboxError.alreadyStarted }
      state = .starting
    }
    do {
      let channel = try await makeBootstrap(sslContext: sslContext).bind(host: address, port: requestedPort)
        .get()
      let port = channel.localAddress?.port ?? requestedPort
      state.withLock { $0 = .running(channel, port: port) }
      return port
    } catch let error as IOError where error.errnoCode == EADDRINUSE {
      state.withLock { $0 = .idle }
      throw SandboxError.portInUse(host: host, port: requestedPort)
    } catch {
      state.withLock { $0 = .idle }
      throw error
    }
  }

  /// Where clients reach the server: `http://127.0.0.1:PORT`, or `https://localhost:PORT` with TLS
  /// (the name a test certificate carries). Before `start()` the port is the requested one.
  public var baseURL: String {
    let port = state.withLock { state -> Int in
      if case .running(_, let port) = state { return port }
      return requestedPort
    }
    if tls != nil { return "https://localhost:\(port)" }
    let address = LoopbackHost.bindAddress(for: host) ?? host
    return "http://\(LoopbackHost.urlHost(address)):\(port)"
  }

  /// Stops listening and closes every open connection. Safe to call more than once.
  public func stop() async throws {
    let channel = state.withLock { state -> (any Channel)? in
      defer { state = .stopped }
      if case .running(let channel, _) = state { return channel }
      return nil
    }
    guard let channel else { return }
    try? await channel.close()
    for connection in connections.removeAll() { try? await connection.close() }
  }

  private func makeBootstrap(sslContext: NIOSSLContext?) -> ServerBootstrap {
    let api = self.api
    let latency = configuration.latencyMilliseconds
    let connections = self.connections
    let (seconds, attoseconds) = idleTimeout.components
    let idle = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    return ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.backlog, value: 256)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      // Out of file descriptors (or memory), accepting again at once would spin a core.
      .serverChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(AcceptPause())
        }
      }
      .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
      .childChannelInitializer { channel in
        // Failing the initializer closes the accepted connection.
        guard connections.admit(channel) else {
          return channel.eventLoop.makeFailedFuture(ConnectionLimitReached())
        }
        return channel.eventLoop.makeCompletedFuture {
          let pipeline = channel.pipeline.syncOperations
          // First, so that it sees every byte, a TLS handshake's too.
          try pipeline.addHandler(IdleStateHandler(allTimeout: idle))
          if let sslContext { try pipeline.addHandler(NIOSSLServerHandler(context: sslContext)) }
          try pipeline.configureHTTPServerPipeline(withErrorHandling: true)
          try pipeline.addHandler(SandboxHTTPHandler(api: api, latencyMilliseconds: latency))
        }
      }
  }
}

/// Pauses accepting for a moment when accept fails for want of descriptors or memory. NIO leaves
/// the listening socket readable after such a failure and tries again at once, forever (its
/// AcceptBackoffHandler only delays `read()` calls, and this path makes none): turning autoRead
/// off takes the socket out of the poll set until the pause ends.
private final class AcceptPause: ChannelInboundHandler {
  typealias InboundIn = any Channel

  static let pause: TimeAmount = .milliseconds(500)
  private var paused = false

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    let exhausted = [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains((error as? IOError)?.errnoCode ?? 0)
    guard exhausted else {
      context.fireErrorCaught(error)
      return
    }
    guard !paused else { return }
    paused = true
    let channel = context.channel
    channel.setOption(ChannelOptions.autoRead, value: false).whenComplete { _ in }
    context.eventLoop.assumeIsolated().scheduleTask(in: Self.pause) {
      self.paused = false
      channel.setOption(ChannelOptions.autoRead, value: true).whenComplete { _ in }
    }
  }
}

/// Why a connection over ``SandboxServer/maximumConnections`` is closed at once.
private struct ConnectionLimitReached: Error {}
