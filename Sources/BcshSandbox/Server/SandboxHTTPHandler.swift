import NIOCore
import NIOHTTP1

/// Collects one HTTP request, asks the API for the response and writes it, after the configured
/// latency, without blocking the event loop.
///
/// NIO's pipelining helper sits in front, so at most one request per connection is in flight.
final class SandboxHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  /// Request bodies above this are refused (413); the API's requests are tiny.
  static let maximumBodyBytes = 64 * 1024

  private let api: SandboxAPI
  private let latency: TimeAmount
  private var head: HTTPRequestHead?
  private var body: [UInt8] = []
  private var bodyTooLarge = false
  private var delayedResponse: Scheduled<Void>?

  init(api: SandboxAPI, latencyMilliseconds: Int) {
    self.api = api
    self.latency = .milliseconds(Int64(max(0, latencyMilliseconds)))
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head):
      self.head = head
      body = []
      bodyTooLarge = false
    case .body(var buffer):
      if body.count + buffer.readableBytes > Self.maximumBodyBytes {
        bodyTooLarge = true
        body = []
      } else if !bodyTooLarge, let bytes = buffer.readBytes(length: buffer.readableBytes) {
        body += bytes
      }
    case .end:
      guard let head else { return }
      self.head = nil
      let response =
        bodyTooLarge
        ? ErrorBody.problem(413, "Request body too large")
        : api.respond(
          to: SandboxRequest(
            method: head.method.rawValue, target: head.uri,
            headers: head.headers.map { ($0.name, $0.value) }, body: body))
      body = []
      respond(response, to: head, context: context)
    }
  }

  /// A request the HTTP decoder could not read: NIO has answered 400 with `Connection: close`,
  /// and the connection is closed, as that answer says. Any other error ends the connection too.
  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    context.close(promise: nil)
  }

  /// A connection silent for the idle timeout is closed, unless its response is still on its way
  /// (the configured latency may be longer).
  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    guard event is IdleStateHandler.IdleStateEvent else {
      context.fireUserInboundEventTriggered(event)
      return
    }
    if head == nil && delayedResponse == nil { context.close(promise: nil) }
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    delayedResponse?.cancel()
    delayedResponse = nil
  }

  private func respond(_ response: SandboxResponse, to head: HTTPRequestHead, context: ChannelHandlerContext)
  {
    guard latency > .zero else {
      write(response, to: head, context: context)
      return
    }
    delayedResponse = context.eventLoop.assumeIsolated().scheduleTask(in: latency) {
      self.delayedResponse = nil
      self.write(response, to: head, context: context)
    }
  }

  private func write(_ response: SandboxResponse, to request: HTTPRequestHead, context: ChannelHandlerContext)
  {
    let keepAlive = request.isKeepAlive
    var headers = HTTPHeaders(response.headers)
    let hasBody = response.status != 204 && response.status != 304
    if hasBody { headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count)) }
    if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
    let head = HTTPResponseHead(
      version: request.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
    context.write(wrapOutboundOut(.head(head)), promise: nil)
    if hasBody, request.method != .HEAD, !response.body.isEmpty {
      let buffer = context.channel.allocator.buffer(bytes: response.body)
      context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
    }
    let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
    if !keepAlive {
      let channel = context.channel
      written.whenComplete { _ in channel.close(promise: nil) }
    }
  }
}
