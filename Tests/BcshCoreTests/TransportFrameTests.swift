import BcshFormats
import BcshModel
import BcshPorts
import Testing

/// The frames between bcsh and bcsh-net: every kind and every transport error read back as
/// written, whatever way the stream is cut; anything malformed is an error, never a crash.
@Suite struct TransportFrameTests {
  static let request = HTTPRequest(
    method: .post, url: "https://api.bigcommerce.com/stores/abc123/v3/storefront/api-token",
    headers: [
      ("X-Auth-Token", "k3jd8f0s9d8f7g6h5j4k3l2m1n0p9q8"), ("Content-Type", "application/json"), ("é", ""),
    ],
    body: Array(#"{"channel_ids":[1],"expires_at":1790000000}"#.utf8))

  static let frames: [TransportFrame] =
    [
      .request(id: 1, request, timeout: .milliseconds(2500)),
      .request(id: 2, HTTPRequest(method: .get, url: "http://127.0.0.1:1/v3/hooks"), timeout: .zero),
      .request(id: 3, HTTPRequest(method: .get, url: "http://x/", body: []), timeout: .seconds(86_400)),
      .cancel(id: 1),
      .response(
        id: .max,
        HTTPResponse(status: 200, headers: [("X-Rate-Limit-Requests-Left", "149")], body: [0, 255, 10])),
      .response(id: 4, HTTPResponse(status: 503, body: Array(repeating: 65, count: 70_000), truncated: true)),
    ]
    + [
      TransportError.timeout, .connectionRefused(host: "127.0.0.1"), .nameNotResolved(host: "nope.invalid"),
      .tlsFailure("the certificate is not trusted"), .insecureURL("http://example.com/"),
      .malformedResponse("a head of over 80 KiB"), .caBundle("it is set but empty"), .other("ünïcode"),
    ].enumerated().map { .failure(id: UInt64($0.offset), $0.element) }

  @Test(arguments: frames)
  func everyFrameReadsBackAsWritten(frame: TransportFrame) throws {
    let encoded = frame.encoded()
    #expect(try TransportFrame.decode(body: encoded.dropFirst(4)) == frame)
    var buffer = TransportFrameBuffer()
    buffer.append(encoded)
    #expect(try buffer.next() == frame)
    #expect(try buffer.next() == nil)
  }

  @Test func aStreamCutAnywhereYieldsTheSameFrames() throws {
    let stream = Self.frames.flatMap { $0.encoded() }
    for chunk in [1, 2, 3, 7, 64, 4096, stream.count] {
      var buffer = TransportFrameBuffer()
      var read: [TransportFrame] = []
      var offset = 0
      while offset < stream.count {
        buffer.append(stream[offset..<min(stream.count, offset + chunk)])
        offset += chunk
        while let frame = try buffer.next() { read.append(frame) }
      }
      #expect(read == Self.frames, "chunks of \(chunk)")
    }
  }

  /// The format, byte for byte, as scripts/fuzz seeds it: length, kind, number, fields.
  @Test func theWireFormatIsPinned() {
    #expect(TransportFrame.cancel(id: 7).encoded() == [0, 0, 0, 9, 2, 0, 0, 0, 0, 0, 0, 0, 7])
    #expect(
      TransportFrame.failure(id: 1, .timeout).encoded() == [
        0, 0, 0, 14, 4, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0,
      ])
    let response = TransportFrame.response(
      id: 2, HTTPResponse(status: 200, headers: [("a", "b")], body: Array("{}".utf8)))
    #expect(
      response.encoded()
        == [
          0, 0, 0, 0x26, 3, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 200, 0, 0, 0, 1, 0, 0, 0, 1, 97, 0,
          0, 0, 1,
          98, 0, 0, 0, 2, 123, 125, 0,
        ])
  }

  @Test func malformedFramesAreErrors() {
    let valid = Self.frames[0].encoded()
    // Every proper prefix of a body is short.
    for end in 4..<valid.count {
      #expect(throws: TransportFrameError.self, "cut at \(end)") {
        _ = try TransportFrame.decode(body: valid[4..<end])
      }
    }
    #expect(throws: TransportFrameError.self) {
      _ = try TransportFrame.decode(body: valid.dropFirst(4) + [0])
    }
    #expect(throws: TransportFrameError.self) {
      _ = try TransportFrame.decode(body: [9, 0, 0, 0, 0, 0, 0, 0, 1])
    }
    // A failure whose error is unknown, a status past 999, a header count past what is left.
    #expect(throws: TransportFrameError.self) {
      _ = try TransportFrame.decode(body: [4, 0, 0, 0, 0, 0, 0, 0, 1, 99, 0, 0, 0, 0])
    }
    #expect(throws: TransportFrameError.self) {
      _ = try TransportFrame.decode(
        body: [3] + [UInt8](repeating: 0, count: 8) + [0, 0, 0, 0, 0, 0, 0x10, 0])
    }
    #expect(throws: TransportFrameError.self) {
      _ = try TransportFrame.decode(
        body: [3] + [UInt8](repeating: 0, count: 8) + [0, 0, 0, 0, 0, 0, 0, 200] + [0xFF, 0xFF, 0xFF, 0xFF])
    }
    // A length past the limit is refused before anything is buffered for it.
    var buffer = TransportFrameBuffer()
    buffer.append([0xFF, 0xFF, 0xFF, 0xFF, 1])
    #expect(throws: TransportFrameError.self) { _ = try buffer.next() }
  }
}
