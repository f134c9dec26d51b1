import BcshFormats
import BcshHTTP
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
import Foundation
import Testing

/// Servers that misbehave in the ways issue 10 lists and the older transport tests do not cover:
/// a stale keep-alive connection, bytes that trickle, a body that never ends, a reset mid-body.
/// Each ends within its deadline with its own diagnosis.
@Suite struct HostileServerTests {
  func request(_ url: String) -> HTTPRequest {
    HTTPRequest(method: .get, url: url, headers: [("X-Auth-Token", "secret-token-value")])
  }

  func withTransport(_ body: (AsyncHTTPTransport) async throws -> Void) async throws {
    let transport = AsyncHTTPTransport()
    do {
      try await body(transport)
    } catch {
      await transport.shutdown()
      throw error
    }
    await transport.shutdown()
  }

  /// Row 11: the server closes each connection after answering, without `Connection: close`. The
  /// next GET finds its pooled connection closed and is sent again on a new one.
  @Test func aStaleKeepAliveConnectionIsRetriedOnce() async throws {
    let server = try await ScriptedServer.start { _ in .respondThenClose(bodyBytes: 10) }
    try await withTransport { transport in
      for round in 0..<20 {
        let response = try await transport.send(
          request("\(server.baseURL)/v3/hooks"), deadline: .now + .seconds(10))
        #expect(response.status == 200, "round \(round)")
        #expect(response.body.count == 10)
      }
    }
    await server.stop()
  }

  @Test func bytesThatTrickleEndAtTheDeadline() async throws {
    let server = try await ScriptedServer.start { _ in
      .slowBytes(bodyBytes: 1000, interval: .milliseconds(50))
    }
    try await withTransport { transport in
      let start = ContinuousClock.now
      await #expect(throws: TransportError.timeout) {
        _ = try await transport.send(request("\(server.baseURL)/"), deadline: start + .milliseconds(500))
      }
      #expect(ContinuousClock.now - start < .seconds(10))
    }
    await server.stop()
  }

  @Test func aBodyThatNeverEndsIsCutAtTheLimit() async throws {
    let server = try await ScriptedServer.start { _ in .endlessBody }
    try await withTransport { transport in
      let response = try await transport.send(request("\(server.baseURL)/"), deadline: .now + .seconds(20))
      #expect(response.truncated)
      #expect(response.body.count == 1 << 20)
    }
    await server.stop()
  }

  @Test func aResetMidBodyIsSaidInWords() async throws {
    let server = try await ScriptedServer.start { _ in .resetMidBody(bodyBytes: 200_000) }
    try await withTransport { transport in
      do {
        let response = try await transport.send(request("\(server.baseURL)/"), deadline: .now + .seconds(10))
        Issue.record("a reset body was taken as an answer: \(response.status), \(response.body.count) bytes")
      } catch let error as TransportError {
        guard case .other(let reason) = error else {
          Issue.record("unexpected \(error)")
          return
        }
        #expect(
          ["the server reset the connection", "the server closed the connection before answering"].contains(
            reason),
          "\(reason)")
      }
    }
    await server.stop()
  }
}
