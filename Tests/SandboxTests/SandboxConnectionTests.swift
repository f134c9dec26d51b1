import Foundation
import Testing

@testable import BcshSandbox

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Issue 22, item 13: the sandbox bounds its connections, closes idle ones, and closes a
/// connection after answering a request it could not read (as its `Connection: close` says).
@Suite struct SandboxConnectionTests {
  /// A plain TCP client on loopback whose reads wait at most `wait`.
  final class RawClient {
    let descriptor: Int32

    init(port: Int, wait: Duration = .seconds(3)) throws {
      descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      address.sin_port = in_port_t(UInt16(port).bigEndian)
      let connected = withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
      }
      var timeout = timeval(tv_sec: Int(wait.components.seconds), tv_usec: 0)
      setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      guard connected else {
        close(descriptor)
        throw POSIXError(.ECONNREFUSED)
      }
    }

    func send(_ text: String) {
      _ = text.withCString { Glibc.send(descriptor, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
    }

    /// Everything until the server closes the connection, and whether it did (false: the wait ran out).
    func readToEnd() -> (text: String, closed: Bool) {
      var bytes: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 4096)
      while true {
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress!, $0.count, 0) }
        if count > 0 {
          bytes += buffer[0..<count]
          continue
        }
        // 0: closed; an error (EAGAIN after the wait, ECONNRESET): closed only if reset.
        let closed = count == 0 || errno == ECONNRESET
        return (String(decoding: bytes, as: UTF8.self), closed)
      }
    }

    deinit { close(descriptor) }
  }

  @Test func aRequestItCannotReadIsAnswered400AndTheConnectionClosed() async throws {
    let server = SandboxServer(configuration: .demo)
    let port = try await server.start()
    let client = try RawClient(port: port)
    client.send("NOT HTTP AT ALL\r\n\r\n")
    let (text, closed) = client.readToEnd()
    #expect(text.hasPrefix("HTTP/1.1 400"), "\(text)")
    #expect(closed, "the sandbox said Connection: close and kept the connection")
    try await server.stop()
  }

  @Test func aSilentConnectionIsClosedAfterTheIdleTimeout() async throws {
    let server = SandboxServer(configuration: .demo, idleTimeout: .milliseconds(300))
    let port = try await server.start()
    let client = try RawClient(port: port, wait: .seconds(5))
    let clock = ContinuousClock()
    let start = clock.now
    let (text, closed) = client.readToEnd()
    #expect(text.isEmpty)
    #expect(closed, "an idle connection stayed open for \(clock.now - start)")
    try await server.stop()
  }

  @Test func connectionsOverTheLimitAreClosedAndTheServerStillAnswers() async throws {
    let server = SandboxServer(configuration: .demo, maximumConnections: 2)
    let port = try await server.start()
    let held = try (0..<2).map { _ in try RawClient(port: port) }
    try await Task.sleep(for: .milliseconds(100))
    let extra = try RawClient(port: port)
    let (_, closed) = extra.readToEnd()
    #expect(closed, "a third connection was kept over a limit of 2")
    // A held connection still gets its answer.
    held[0].send("GET /stores/sbxdemo001/v2/time HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    let (answer, _) = held[0].readToEnd()
    #expect(answer.hasPrefix("HTTP/1.1 "), "\(answer)")
    try await server.stop()
  }
}
