import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// A tiny loopback HTTP server for the transport's edge cases: it counts requests, remembers
/// whether any carried `X-Auth-Token`, and answers as `reply` says (or never, for `.hang`).
final class ScriptedServer: Sendable {
  enum Reply: Sendable {
    case respond(status: Int, headers: [(String, String)], bodyBytes: Int)
    /// Accept the request and never answer.
    case hang
    /// Send the head and part of a body of `bodyBytes`, then nothing more.
    case stallMidBody(bodyBytes: Int)
    /// Answer 200 with `bodyBytes` and close the connection without `Connection: close`, as a
    /// server whose keep-alive timeout is shorter than the client's does.
    case respondThenClose(bodyBytes: Int)
    /// Send the head and half of a body of `bodyBytes`, then reset the connection (RST).
    case resetMidBody(bodyBytes: Int)
    /// Send a chunked body that never ends, a piece every few milliseconds.
    case endlessBody
    /// Send a body of `bodyBytes`, one byte every `interval`.
    case slowBytes(bodyBytes: Int, interval: TimeAmount)
  }

  private let channel: any Channel
  let log: RequestLog

  var port: Int { channel.localAddress?.port ?? 0 }
  var baseURL: String { "http://127.0.0.1:\(port)" }

  private init(channel: any Channel, log: RequestLog) {
    self.channel = channel
    self.log = log
  }

  static func start(_ reply: @escaping @Sendable (HTTPRequestHead) -> Reply) async throws -> ScriptedServer {
    let log = RequestLog()
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline()
          try channel.pipeline.syncOperations.addHandler(Handler(reply: reply, log: log))
        }
      }
      .bind(host: "127.0.0.1", port: 0).get()
    return ScriptedServer(channel: channel, log: log)
  }

  /// A server that answers whatever arrives first (a request, a TLS ClientHello) with `bytes`
  /// exactly as given, then closes the connection when `thenClose`.
  static func raw(_ bytes: [UInt8], thenClose: Bool = true) async throws -> ScriptedServer {
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(RawReply(bytes: bytes, thenClose: thenClose))
        }
      }
      .bind(host: "127.0.0.1", port: 0).get()
    return ScriptedServer(channel: channel, log: RequestLog())
  }

  private final class RawReply: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    let bytes: [UInt8]
    let thenClose: Bool
    var answered = false

    init(bytes: [UInt8], thenClose: Bool) {
      self.bytes = bytes
      self.thenClose = thenClose
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      guard !answered else { return }
      answered = true
      let written = context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: bytes)))
      if thenClose {
        let channel = context.channel
        written.whenComplete { _ in channel.close(promise: nil) }
      }
    }
  }

  /// A server that accepts connections and never reads or answers anything.
  static func silent() async throws -> ScriptedServer {
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .childChannelInitializer { channel in channel.eventLoop.makeSucceededVoidFuture() }
      .bind(host: "127.0.0.1", port: 0).get()
    return ScriptedServer(channel: channel, log: RequestLog())
  }

  func stop() async {
    try? await channel.close()
  }

  /// What the server saw.
  final class RequestLog: Sendable {
    private let counts = Mutex((requests: 0, withToken: 0, closed: 0))

    func record(_ head: HTTPRequestHead) {
      let hasToken = head.headers.contains(name: "X-Auth-Token")
      counts.withLock { counts in
        counts.requests += 1
        if hasToken { counts.withToken += 1 }
      }
    }

    func recordClose() { counts.withLock { $0.closed += 1 } }

    var requests: Int { counts.withLock { $0.requests } }
    var requestsWithToken: Int { counts.withLock { $0.withToken } }
    /// Connections that were closed, by either side.
    var closedConnections: Int { counts.withLock { $0.closed } }

    /// Returns once `count` connections have been closed; a test that could wait forever bounds
    /// itself with `.timeLimit`, which cancels this wait.
    func waitForClosedConnections(_ count: Int) async throws {
      while closedConnections < count { try await Task.sleep(for: .milliseconds(10)) }
    }
  }

  private final class Handler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let reply: @Sendable (HTTPRequestHead) -> Reply
    let log: RequestLog
    var head: HTTPRequestHead?

    init(reply: @escaping @Sendable (HTTPRequestHead) -> Reply, log: RequestLog) {
      self.reply = reply
      self.log = log
    }

    func channelInactive(context: ChannelHandlerContext) {
      log.recordClose()
      context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      switch unwrapInboundIn(data) {
      case .head(let head):
        self.head = head
        log.record(head)
      case .body:
        break
      case .end:
        guard let head else { return }
        let status: Int
        let extra: [(String, String)]
        let bodyBytes: Int
        var stall = false
        var closeAfter = false
        switch reply(head) {
        case .hang: return
        case .respond(let code, let headers, let bytes): (status, extra, bodyBytes) = (code, headers, bytes)
        case .stallMidBody(let bytes): (status, extra, bodyBytes, stall) = (200, [], bytes, true)
        case .respondThenClose(let bytes): (status, extra, bodyBytes, closeAfter) = (200, [], bytes, true)
        case .resetMidBody(let bytes):
          resetMidBody(context: context, head: head, bodyBytes: bytes)
          return
        case .endlessBody:
          endlessBody(context: context, head: head)
          return
        case .slowBytes(let bytes, let interval):
          slowBytes(context: context, head: head, bodyBytes: bytes, interval: interval)
          return
        }
        var headers = HTTPHeaders(extra)
        headers.add(name: "Content-Length", value: String(bodyBytes))
        let responseHead = HTTPResponseHead(
          version: head.version, status: HTTPResponseStatus(statusCode: status), headers: headers)
        context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
        // The body goes out in 64 KiB pieces, as a real server would stream it.
        var left = bodyBytes
        if stall {
          let buffer = context.channel.allocator.buffer(repeating: UInt8(ascii: "x"), count: bodyBytes / 2)
          context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
          return
        }
        while left > 0 {
          let piece = min(left, 64 * 1024)
          let buffer = context.channel.allocator.buffer(repeating: UInt8(ascii: "x"), count: piece)
          context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
          left -= piece
        }
        let channel = context.channel
        let closing = closeAfter
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
          if closing { channel.close(promise: nil) }
        }
      }
    }

    private func start(_ context: ChannelHandlerContext, _ head: HTTPRequestHead, _ headers: HTTPHeaders) {
      let responseHead = HTTPResponseHead(version: head.version, status: .ok, headers: headers)
      context.writeAndFlush(wrapOutboundOut(.head(responseHead)), promise: nil)
    }

    private func resetMidBody(context: ChannelHandlerContext, head: HTTPRequestHead, bodyBytes: Int) {
      start(context, head, ["Content-Length": String(bodyBytes)])
      let buffer = context.channel.allocator.buffer(repeating: UInt8(ascii: "x"), count: bodyBytes / 2)
      let channel = context.channel
      context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer)))).whenComplete { _ in
        // SO_LINGER with a zero timeout makes close send RST instead of FIN.
        guard let options = channel as? any SocketOptionProvider else { return channel.close(promise: nil) }
        options.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in channel.close(promise: nil) }
      }
    }

    private func endlessBody(context: ChannelHandlerContext, head: HTTPRequestHead) {
      start(context, head, ["Transfer-Encoding": "chunked"])
      Self.sendForever(context.channel, piece: context.channel.allocator.buffer(repeating: 120, count: 65536))
    }

    private static func sendForever(_ channel: any Channel, piece: ByteBuffer) {
      guard channel.isActive else { return }
      channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(piece))).whenSuccess {
        channel.eventLoop.scheduleTask(in: .milliseconds(2)) { sendForever(channel, piece: piece) }
      }
    }

    private func slowBytes(
      context: ChannelHandlerContext, head: HTTPRequestHead, bodyBytes: Int, interval: TimeAmount
    ) {
      start(context, head, ["Content-Length": String(bodyBytes)])
      Self.drip(context.channel, left: bodyBytes, interval: interval)
    }

    private static func drip(_ channel: any Channel, left: Int, interval: TimeAmount) {
      guard channel.isActive else { return }
      guard left > 0 else {
        channel.writeAndFlush(HTTPServerResponsePart.end(nil), promise: nil)
        return
      }
      let byte = channel.allocator.buffer(repeating: UInt8(ascii: "x"), count: 1)
      channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(byte)), promise: nil)
      channel.eventLoop.scheduleTask(in: interval) { drip(channel, left: left - 1, interval: interval) }
    }
  }
}
