import BcshModel
import BcshPorts

/// One message between bcsh and its network helper, `bcsh-net`, which sends bcsh's HTTP requests
/// so that bcsh itself links no HTTP stack (BENCHMARKS.md, start-up). bcsh sends requests and
/// cancellations; the helper answers each request once, with its response or why there is none.
///
/// On the wire a frame is its length (4 bytes, big-endian) and then its body: a kind byte, the
/// request's number (8 bytes) and the kind's fields. Strings and byte strings are a 4-byte length
/// and the bytes. Both ends are bcsh's own builds, but a frame is still checked field by field:
/// a short or malformed one is an error, never a crash.
public enum TransportFrame: Sendable, Equatable {
  /// Send `request`, giving up after `timeout` (a duration, not an instant: the two processes'
  /// clocks need not agree on instants).
  case request(id: UInt64, HTTPRequest, timeout: Duration)
  /// bcsh no longer waits for request `id` (Ctrl-C): stop it; no answer is expected.
  case cancel(id: UInt64)
  /// The response to request `id`.
  case response(id: UInt64, HTTPResponse)
  /// Request `id` got no response, for `TransportError`'s reason.
  case failure(id: UInt64, TransportError)

  /// The largest frame either side accepts: a response body is at most 1 MiB, and headers are
  /// bounded by the HTTP client; anything larger is a broken stream.
  public static let maximumBodyLength = 16 << 20

  /// The longest time a request may be given: a deadline further off is taken as this, so that
  /// no frame can make an instant or a timer overflow.
  public static let longestTimeout = Duration.seconds(24 * 60 * 60)

  /// The time left to `deadline`, as a request frame carries it: at least zero, at most
  /// ``longestTimeout``.
  public static func timeout(until deadline: ContinuousClock.Instant) -> Duration {
    clamped(ContinuousClock.now.duration(to: deadline))
  }

  private static func clamped(_ timeout: Duration) -> Duration { min(max(.zero, timeout), longestTimeout) }

  public static func == (lhs: TransportFrame, rhs: TransportFrame) -> Bool {
    lhs.encoded() == rhs.encoded()
  }

  /// The frame with its length in front, ready to write.
  public func encoded() -> [UInt8] {
    var body = FrameWriter()
    switch self {
    case .request(let id, let request, let timeout):
      body.byte(Kind.request.rawValue)
      body.integer(id)
      let (seconds, attoseconds) = timeout.components
      body.integer(UInt64(bitPattern: seconds))
      body.integer(UInt64(bitPattern: attoseconds / 1_000_000_000))
      body.string(request.method.rawValue)
      body.string(request.url)
      body.headers(request.headers)
      body.byte(request.body == nil ? 0 : 1)
      body.bytes(request.body ?? [])
    case .cancel(let id):
      body.byte(Kind.cancel.rawValue)
      body.integer(id)
    case .response(let id, let response):
      body.byte(Kind.response.rawValue)
      body.integer(id)
      body.integer(UInt64(clamping: max(0, response.status)))
      body.headers(response.headers)
      body.bytes(response.body)
      body.byte(response.truncated ? 1 : 0)
    case .failure(let id, let error):
      body.byte(Kind.failure.rawValue)
      body.integer(id)
      let (tag, detail) = Self.parts(of: error)
      body.byte(tag)
      body.string(detail)
    }
    var frame = FrameWriter()
    frame.integer32(UInt32(body.bytes.count))
    return frame.bytes + body.bytes
  }

  /// Reads the frame whose body (without the length) is `body`.
  public static func decode(body: some Collection<UInt8>) throws(TransportFrameError) -> TransportFrame {
    var reader = FrameReader(Array(body))
    let kind = try reader.byte()
    let id = try reader.integer()
    let frame: TransportFrame
    switch Kind(rawValue: kind) {
    case .request:
      let seconds = Int64(bitPattern: try reader.integer())
      let nanoseconds = Int64(bitPattern: try reader.integer())
      let method = try reader.string()
      let url = try reader.string()
      let headers = try reader.headers()
      let hasBody = try reader.byte() == 1
      let bytes = try reader.byteString()
      let timeout = clamped(.seconds(seconds) + .nanoseconds(nanoseconds))
      frame = .request(
        id: id,
        HTTPRequest(
          method: HTTPMethod(rawValue: method), url: url, headers: headers, body: hasBody ? bytes : nil),
        timeout: timeout)
    case .cancel:
      frame = .cancel(id: id)
    case .response:
      let status = try reader.integer()
      guard status < 1000 else { throw TransportFrameError("a status of \(status)") }
      let headers = try reader.headers()
      let bytes = try reader.byteString()
      let truncated = try reader.byte() == 1
      frame = .response(
        id: id, HTTPResponse(status: Int(status), headers: headers, body: bytes, truncated: truncated))
    case .failure:
      let tag = try reader.byte()
      frame = .failure(id: id, try error(tag: tag, detail: try reader.string()))
    case nil:
      throw TransportFrameError("an unknown kind of frame (\(kind))")
    }
    guard reader.isAtEnd else { throw TransportFrameError("bytes after the end of a frame") }
    return frame
  }

  private enum Kind: UInt8 {
    case request = 1, cancel, response, failure
  }

  /// A transport error as a tag and its one string.
  private static func parts(of error: TransportError) -> (UInt8, String) {
    switch error {
    case .timeout: (1, "")
    case .connectionRefused(let host): (2, host)
    case .nameNotResolved(let host): (3, host)
    case .tlsFailure(let reason): (4, reason)
    case .insecureURL(let url): (5, url)
    case .malformedResponse(let reason): (6, reason)
    case .caBundle(let reason): (7, reason)
    case .other(let reason): (8, reason)
    }
  }

  private static func error(tag: UInt8, detail: String) throws(TransportFrameError) -> TransportError {
    switch tag {
    case 1: .timeout
    case 2: .connectionRefused(host: detail)
    case 3: .nameNotResolved(host: detail)
    case 4: .tlsFailure(detail)
    case 5: .insecureURL(detail)
    case 6: .malformedResponse(detail)
    case 7: .caBundle(detail)
    case 8: .other(detail)
    default: throw TransportFrameError("an unknown transport error (\(tag))")
    }
  }
}

/// Why bytes read from the other end are not a frame.
public struct TransportFrameError: Error, Equatable, CustomStringConvertible {
  public let description: String

  init(_ what: String) { description = "a malformed frame: \(what)" }
}

/// Cuts a byte stream into frames: feed it what was read, take the frames that are complete.
public struct TransportFrameBuffer {
  private var pending: [UInt8] = []
  private var start = 0

  public init() {}

  public mutating func append(_ bytes: some Collection<UInt8>) {
    pending.append(contentsOf: bytes)
  }

  /// The next complete frame, or nil until more bytes come.
  public mutating func next() throws(TransportFrameError) -> TransportFrame? {
    guard pending.count - start >= 4 else { return nil }
    let length = pending[start..<start + 4].reduce(0) { $0 << 8 | Int($1) }
    guard length <= TransportFrame.maximumBodyLength else {
      throw TransportFrameError("a frame of \(length) bytes")
    }
    guard pending.count - start - 4 >= length else { return nil }
    let body = pending[(start + 4)..<(start + 4 + length)]
    start += 4 + length
    if start == pending.count {
      pending.removeAll(keepingCapacity: true)
      start = 0
    } else if start > 1 << 16 {
      pending.removeFirst(start)
      start = 0
    }
    return try TransportFrame.decode(body: body)
  }
}

private struct FrameWriter {
  var bytes: [UInt8] = []

  mutating func byte(_ value: UInt8) { bytes.append(value) }

  mutating func integer32(_ value: UInt32) {
    for shift in stride(from: 24, through: 0, by: -8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> shift))
    }
  }

  mutating func integer(_ value: UInt64) {
    for shift in stride(from: 56, through: 0, by: -8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> shift))
    }
  }

  mutating func bytes(_ value: [UInt8]) {
    integer32(UInt32(clamping: value.count))
    bytes.append(contentsOf: value)
  }

  mutating func string(_ value: String) { bytes(Array(value.utf8)) }

  mutating func headers(_ headers: [(name: String, value: String)]) {
    integer32(UInt32(clamping: headers.count))
    for header in headers {
      string(header.name)
      string(header.value)
    }
  }
}

private struct FrameReader {
  private let data: [UInt8]
  private var offset = 0

  init(_ bytes: [UInt8]) { self.data = bytes }

  var isAtEnd: Bool { offset == data.count }

  mutating func byte() throws(TransportFrameError) -> UInt8 {
    guard offset < data.count else { throw TransportFrameError("it ends early") }
    defer { offset += 1 }
    return data[offset]
  }

  mutating func integer32() throws(TransportFrameError) -> Int {
    var value = 0
    for _ in 0..<4 { value = value << 8 | Int(try byte()) }
    return value
  }

  mutating func integer() throws(TransportFrameError) -> UInt64 {
    var value: UInt64 = 0
    for _ in 0..<8 { value = value << 8 | UInt64(try byte()) }
    return value
  }

  mutating func byteString() throws(TransportFrameError) -> [UInt8] {
    let count = try integer32()
    guard count <= data.count - offset else { throw TransportFrameError("it ends early") }
    defer { offset += count }
    return Array(data[offset..<offset + count])
  }

  mutating func string() throws(TransportFrameError) -> String {
    String(decoding: try byteString(), as: UTF8.self)
  }

  mutating func headers() throws(TransportFrameError) -> [(name: String, value: String)] {
    let count = try integer32()
    // Each header takes at least 8 bytes: a count beyond what is left is a broken frame.
    guard count <= (data.count - offset) / 8 else { throw TransportFrameError("it ends early") }
    var headers: [(name: String, value: String)] = []
    for _ in 0..<count { headers.append((try string(), try string())) }
    return headers
  }
}
