import AsyncHTTPClient
import BcshCore
import NIOCore
import NIOHTTP1
import NIOSSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// bcsh's ``HTTPTransport`` on AsyncHTTPClient: never follows redirects, cuts bodies at a limit,
/// honours the deadline, sends credentials only over https (or http to loopback).
///
/// Create one when verify runs and call ``shutdown()`` when it is done.
public final class AsyncHTTPTransport: HTTPTransport {
  private let client: HTTPClient
  private let maximumBodyBytes: Int
  private let shutDown = OnceFlag()

  /// - Parameters:
  ///   - trustRootsPEMFile: extra certificate authorities (PEM) to trust besides the system's, for
  ///     tests against a throw-away CA. An unreadable file surfaces as a TLS failure on first use.
  ///   - maximumBodyBytes: bodies are cut here and marked `truncated`; 1 MiB by default.
  public init(trustRootsPEMFile: String? = nil, maximumBodyBytes: Int = 1 << 20) {
    var tls = TLSConfiguration.makeClientConfiguration()
    if let trustRootsPEMFile { tls.additionalTrustRoots = [.file(trustRootsPEMFile)] }
    var configuration = HTTPClient.Configuration(
      tlsConfiguration: tls, redirectConfiguration: .disallow, decompression: .disabled)
    // Fail at the first refused or unresolved connection instead of retrying until the deadline:
    // verify wants the real cause, and has its own bounded retries.
    configuration.connectionPool.retryConnectionEstablishment = false
    // Verify bounds its own concurrency; the pool must not impose a lower bound of its own (8).
    configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 32
    self.client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    self.maximumBodyBytes = max(0, maximumBodyBytes)
  }

  public func send(_ request: HTTPRequest, deadline: ContinuousClock.Instant) async throws -> HTTPResponse {
    let host = try TransportURL.checkedHost(of: request.url)
    let remaining = ContinuousClock.now.duration(to: deadline)
    guard remaining > .zero else { throw TransportError.timeout }

    var outgoing = HTTPClientRequest(url: request.url)
    outgoing.method = HTTPMethod(rawValue: request.method)
    for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
    if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
    let nioDeadline = NIODeadline.now() + .nanoseconds(Self.nanoseconds(remaining))

    let prepared = outgoing
    let client = self.client
    let limit = maximumBodyBytes
    do {
      let idempotent = ["GET", "HEAD"].contains(request.method.uppercased())
      return try await withDeadline(deadline) {
        let response: HTTPClientResponse
        do {
          response = try await client.execute(prepared, deadline: nioDeadline)
        } catch  where idempotent && Self.isStaleConnection(error) {
          // A pooled keep-alive connection the server had closed without saying so: the request
          // never reached it, so an idempotent one is sent once more, on a new connection.
          response = try await client.execute(prepared, deadline: nioDeadline)
        }
        let (body, truncated) = try await Self.read(response.body, limit: limit)
        return HTTPResponse(
          status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
          body: body, truncated: truncated)
      }
    } catch is CancellationError where !Task.isCancelled {
      throw TransportError.timeout
    } catch let error as CancellationError {
      throw error
    } catch {
      if Task.isCancelled { throw CancellationError() }
      throw TransportError.mapping(error, host: host)
    }
  }

  /// Shuts the client down and waits for it; later calls return at once.
  public func shutdown() async {
    guard shutDown.claim() else { return }
    try? await client.shutdown()
  }

  /// A transport dropped without ``shutdown()`` still releases its client (AsyncHTTPClient would
  /// otherwise stop a debug build at exit).
  deinit {
    if shutDown.claim() { client.shutdown { _ in } }
  }

  /// Whether `error` says the connection was found closed before any answer came.
  static func isStaleConnection(_ error: any Error) -> Bool {
    switch error {
    case let error as HTTPClientError: return error == .remoteConnectionClosed
    case let error as ChannelError: return error == .ioOnClosedChannel || error == .eof
    case let error as IOError: return [ECONNRESET, EPIPE].contains(error.errnoCode)
    default: return false
    }
  }

  /// Reads at most `limit` bytes of the body; stops reading (and drops the connection) past it.
  private static func read(_ body: HTTPClientResponse.Body, limit: Int) async throws -> ([UInt8], Bool) {
    var bytes: [UInt8] = []
    for try await var chunk in body {
      let room = limit - bytes.count
      if chunk.readableBytes > room {
        bytes += chunk.readBytes(length: room) ?? []
        return (bytes, true)
      }
      bytes += chunk.readBytes(length: chunk.readableBytes) ?? []
    }
    return (bytes, false)
  }

  private static func nanoseconds(_ duration: Duration) -> Int64 {
    let (seconds, attoseconds) = duration.components
    let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
    return overflow ? Int64.max : whole &+ attoseconds / 1_000_000_000
  }
}
