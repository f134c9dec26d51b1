import AsyncHTTPClient
import BcshFormats
import BcshModel
import BcshPorts
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization

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
  private let tls: TLSConfiguration
  /// Why no request can be sent (an unusable `BCSH_CA_BUNDLE`), said by every ``send(_:deadline:)``.
  private let refusal: TransportError?
  private let maximumBodyBytes: Int
  /// The client once made, and whether ``shutdown()`` was called.
  private let state = Mutex<(client: HTTPClient?, shutDown: Bool)>((nil, false))

  /// - Parameters:
  ///   - trustRootsPEMFile: extra certificate authorities (PEM) to trust besides the system's
  ///     (`BCSH_CA_BUNDLE`), for a TLS-intercepting proxy or tests against a throw-away CA. It is
  ///     read here, through ``AtomicFile`` like every file bcsh reads; a file that cannot be used
  ///     is said by every request, in bcsh's words.
  ///   - maximumBodyBytes: bodies are cut here and marked `truncated`; 1 MiB by default.
  public init(trustRootsPEMFile: String? = nil, maximumBodyBytes: Int = 1 << 20) {
    var tls = TLSConfiguration.makeClientConfiguration()
    var refusal: TransportError?
    if let trustRootsPEMFile {
      do throws(TransportError) {
        tls.additionalTrustRoots = [.certificates(try Self.certificates(inPEMFile: trustRootsPEMFile))]
      } catch {
        refusal = error
      }
    }
    self.tls = tls
    self.refusal = refusal
    self.maximumBodyBytes = max(0, maximumBodyBytes)
  }

  /// The client, made at the first request: its connect timeout (which covers the TCP connect
  /// and the TLS handshake) is the time left to that request's deadline, so that a connection
  /// being made when verify gives up does not linger past verify's one deadline.
  private func client(until deadline: ContinuousClock.Instant) -> HTTPClient? {
    state.withLock { state in
      if state.shutDown { return nil }
      if let client = state.client { return client }
      var configuration = HTTPClient.Configuration(
        tlsConfiguration: tls, redirectConfiguration: .disallow, decompression: .disabled)
      let remaining = ContinuousClock.now.duration(to: deadline)
      configuration.timeout.connect = .nanoseconds(max(1_000_000, remaining.wholeNanoseconds))
      // Fail at the first refused or unresolved connection instead of retrying until the deadline:
      // verify wants the real cause, and has its own bounded retries.
      configuration.connectionPool.retryConnectionEstablishment = false
      // Verify bounds its own concurrency; the pool must not impose a lower bound of its own (8).
      configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 32
      let made = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
      state.client = made
      return made
    }
  }

  public func send(_ request: HTTPRequest, deadline: ContinuousClock.Instant) async throws -> HTTPResponse {
    if let refusal { throw refusal }
    let host = try TransportURL.checkedHost(of: request.url)
    let remaining = ContinuousClock.now.duration(to: deadline)
    guard remaining > .zero else { throw TransportError.timeout }
    guard let client = client(until: deadline) else {
      throw TransportError.other("the HTTP client was already shut down")
    }

    var outgoing = HTTPClientRequest(url: request.url)
    outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
    for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
    if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
    let nioDeadline = NIODeadline.now() + .nanoseconds(remaining.wholeNanoseconds)

    let prepared = outgoing
    let limit = maximumBodyBytes
    do {
      let idempotent = [.get, .head].contains(request.method)
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

  /// Starts the client's shutdown and returns without waiting for it: AsyncHTTPClient waits for
  /// connections still being made, which a Ctrl-C or the deadline has already given up on (they
  /// end at the connect timeout, the deadline). Later calls, and requests after it, do nothing.
  public func shutdown() async {
    let client = state.withLock { state -> HTTPClient? in
      defer { state.shutDown = true }
      return state.shutDown ? nil : state.client
    }
    client?.shutdown { _ in }
  }

  /// A transport dropped without ``shutdown()`` still releases its client (AsyncHTTPClient would
  /// otherwise stop a debug build at exit).
  deinit {
    let (client, shutDown) = state.withLock { $0 }
    if !shutDown { client?.shutdown { _ in } }
  }

  /// The certificates of a PEM file, or why they cannot be used.
  static func certificates(inPEMFile path: String) throws(TransportError) -> [NIOSSLCertificate] {
    guard !path.isEmpty else { throw .caBundle("it is set but empty") }
    let text: String
    do throws(BcshError) {
      text = try AtomicFile.read(path)
    } catch {
      throw .caBundle(error.message)
    }
    guard let certificates = try? NIOSSLCertificate.fromPEMBytes(Array(text.utf8)), !certificates.isEmpty
    else {
      throw .caBundle("'\(path)' holds no PEM certificate")
    }
    return certificates
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
}
