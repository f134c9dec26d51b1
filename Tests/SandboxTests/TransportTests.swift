import BcshFormats
import BcshHTTP
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
import Foundation
import TestSupport
import Testing

/// AsyncHTTPTransport's edge cases against tiny loopback servers.
@Suite struct TransportTests {
  @discardableResult
  func withTransport<Result>(
    maximumBodyBytes: Int = 1 << 20, _ body: (AsyncHTTPTransport) async throws -> Result
  ) async throws -> Result {
    let transport = AsyncHTTPTransport(maximumBodyBytes: maximumBodyBytes)
    do {
      let result = try await body(transport)
      await transport.shutdown()
      return result
    } catch {
      await transport.shutdown()
      throw error
    }
  }

  func request(_ url: String) -> HTTPRequest {
    HTTPRequest(method: .get, url: url, headers: [("X-Auth-Token", "secret-token-value")])
  }

  @Test func redirectIsReturnedAndNeverFollowed() async throws {
    let target = try await ScriptedServer.start { _ in .respond(status: 200, headers: [], bodyBytes: 2) }
    let location = "\(target.baseURL)/stores/sbxdemo001/v2/time"
    let redirecting = try await ScriptedServer.start { _ in
      .respond(status: 302, headers: [("Location", location)], bodyBytes: 0)
    }
    try await withTransport { transport in
      let response = try await transport.send(
        request("\(redirecting.baseURL)/stores/sbxdemo001/v2/time"), deadline: .now + .seconds(30))
      #expect(response.status == 302)
      #expect(response.header("location") == location)
    }
    #expect(redirecting.log.requestsWithToken == 1)
    #expect(target.log.requests == 0)
    await redirecting.stop()
    await target.stop()
  }

  @Test func hungServerTimesOutAtTheDeadline() async throws {
    let silent = try await ScriptedServer.silent()
    let answering = try await ScriptedServer.start { _ in .hang }
    try await withTransport { transport in
      for server in [silent, answering] {
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(throws: TransportError.timeout) {
          _ = try await transport.send(
            request("\(server.baseURL)/v2/time"), deadline: start + .seconds(1))
        }
        let elapsed = clock.now - start
        #expect(elapsed >= .milliseconds(990) && elapsed < .seconds(10), "took \(elapsed)")
      }
    }
    // The transport gives up at the deadline without waiting for the abandoned request, so the
    // server may log it a moment later (a loaded machine).
    for _ in 0..<100 where answering.log.requests == 0 { try await Task.sleep(for: .milliseconds(20)) }
    #expect(answering.log.requests == 1)
    await silent.stop()
    await answering.stop()
  }

  @Test func bodyStalledAfterTheHeadTimesOutAtTheDeadline() async throws {
    let stalling = try await ScriptedServer.start { _ in .stallMidBody(bodyBytes: 1000) }
    try await withTransport { transport in
      let clock = ContinuousClock()
      let start = clock.now
      await #expect(throws: TransportError.timeout) {
        _ = try await transport.send(request("\(stalling.baseURL)/"), deadline: start + .milliseconds(300))
      }
      let elapsed = clock.now - start
      #expect(elapsed >= .milliseconds(290) && elapsed < .seconds(10), "took \(elapsed)")
    }
    await stalling.stop()
  }

  @Test func bodyIsCutAtTheLimit() async throws {
    let huge = try await ScriptedServer.start { head in
      .respond(status: 200, headers: [], bodyBytes: head.uri == "/exact" ? 1 << 20 : 3 << 20)
    }
    try await withTransport { transport in
      let cut = try await transport.send(request("\(huge.baseURL)/huge"), deadline: .now + .seconds(30))
      #expect(cut.status == 200)
      #expect(cut.body.count == 1 << 20)
      #expect(cut.truncated)
      let exact = try await transport.send(request("\(huge.baseURL)/exact"), deadline: .now + .seconds(30))
      #expect(exact.body.count == 1 << 20)
      #expect(!exact.truncated)
    }
    await huge.stop()
  }

  @Test func smallLimitIsHonoured() async throws {
    let server = try await ScriptedServer.start { _ in .respond(status: 200, headers: [], bodyBytes: 5000) }
    try await withTransport(maximumBodyBytes: 100) { transport in
      let response = try await transport.send(request("\(server.baseURL)/"), deadline: .now + .seconds(30))
      #expect(response.body.count == 100)
      #expect(response.truncated)
    }
    await server.stop()
  }

  @Test func connectionRefused() async throws {
    let closed = try await ScriptedServer.start { _ in .hang }
    let port = closed.port
    await closed.stop()
    try await withTransport { transport in
      await #expect(throws: TransportError.connectionRefused(host: "127.0.0.1")) {
        _ = try await transport.send(request("http://127.0.0.1:\(port)/"), deadline: .now + .seconds(30))
      }
    }
  }

  @Test func nameNotResolved() async throws {
    try await withTransport { transport in
      await #expect(throws: TransportError.nameNotResolved(host: "nonexistent.invalid")) {
        _ = try await transport.send(
          request("https://nonexistent.invalid/v2/time"), deadline: .now + .seconds(30))
      }
    }
  }

  @Test(arguments: [
    "http://api.bigcommerce.com/stores/x/v2/time", "http://10.0.0.1/", "ftp://127.0.0.1/", "not a url",
    "http://127.0.0.1.example.com/", "file:///etc/passwd",
  ])
  func insecureURLIsRefusedBeforeConnecting(url: String) async throws {
    try await withTransport { transport in
      await #expect(throws: TransportError.insecureURL(url)) {
        _ = try await transport.send(request(url), deadline: .now + .seconds(30))
      }
    }
  }

  @Test func pastDeadlineTimesOutImmediately() async throws {
    try await withTransport { transport in
      await #expect(throws: TransportError.timeout) {
        _ = try await transport.send(request("http://127.0.0.1:1/"), deadline: .now - .seconds(1))
      }
    }
  }
}

/// Shutting down is clean, idempotent, and not required for a dropped transport to go away.
@Suite struct TransportLifecycleTests {
  @Test func shutdownTwiceIsHarmless() async throws {
    let server = try await ScriptedServer.start { _ in .respond(status: 200, headers: [], bodyBytes: 2) }
    let transport = AsyncHTTPTransport()
    _ = try await transport.send(
      HTTPRequest(method: .get, url: "\(server.baseURL)/", headers: []), deadline: .now + .seconds(30))
    await transport.shutdown()
    await transport.shutdown()
    await #expect(throws: TransportError.other("the HTTP client was already shut down")) {
      _ = try await transport.send(
        HTTPRequest(method: .get, url: "\(server.baseURL)/", headers: []), deadline: .now + .seconds(30))
    }
    await server.stop()
  }

  /// A transport that made its client (it sent a request, and keeps the connection alive) and is
  /// dropped without `shutdown()` shuts the client down itself: the server sees its connection
  /// closed. Without that, AsyncHTTPClient stops a debug build ("Client not shut down before the
  /// deinit"), or the connection stays open and this test runs into its time limit.
  @Test(.timeLimit(.minutes(1))) func aDroppedTransportShutsItsClientDown() async throws {
    let server = try await ScriptedServer.start { _ in .respond(status: 200, headers: [], bodyBytes: 2) }
    var dropped: AsyncHTTPTransport? = AsyncHTTPTransport()
    let response = try await dropped?.send(
      HTTPRequest(method: .get, url: "\(server.baseURL)/", headers: []), deadline: .now + .seconds(30))
    #expect(response?.status == 200)
    #expect(server.log.closedConnections == 0, "the connection is kept alive while the transport lives")
    dropped = nil
    try await server.log.waitForClosedConnections(1)
    await server.stop()
  }
}

/// Issue 22, item 1: one deadline covers the connect and the TLS handshake too, and a cancelled
/// request (Ctrl-C) ends at once, whatever state its connection is in.
@Suite struct TransportDeadlineTests {
  /// The bound a hang is caught with: far above the deadlines asked for, far below AsyncHTTPClient's
  /// own 10-second connect timeout, which is what answered before.
  static let bound: Duration = .seconds(5)

  func request(_ url: String) -> HTTPRequest {
    HTTPRequest(method: .get, url: url, headers: [("X-Auth-Token", "secret-token-value")])
  }

  /// Sends to `url` with a deadline of `deadline` and shuts the transport down; returns the error
  /// and how long it all took.
  func timedSend(_ url: String, deadline: Duration) async -> ((any Error)?, Duration) {
    let clock = ContinuousClock()
    let start = clock.now
    let transport = AsyncHTTPTransport()
    var failure: (any Error)?
    do {
      _ = try await transport.send(request(url), deadline: start + deadline)
    } catch {
      failure = error
    }
    await transport.shutdown()
    return (failure, clock.now - start)
  }

  @Test func aTLSHandshakeTheServerNeverAnswersEndsAtTheDeadline() async throws {
    let silent = try SilentListener()
    let (error, elapsed) = await timedSend(
      "https://127.0.0.1:\(silent.port)/v3/hooks", deadline: .milliseconds(500))
    #expect(error as? TransportError == .timeout, "\(String(describing: error))")
    #expect(elapsed >= .milliseconds(490) && elapsed < Self.bound, "took \(elapsed)")
  }

  @Test func aConnectNobodyAnswersEndsAtTheDeadline() async throws {
    let full = try SilentListener(fillingTheBacklog: true)
    for scheme in ["http", "https"] {
      let (error, elapsed) = await timedSend(
        "\(scheme)://127.0.0.1:\(full.port)/v3/hooks", deadline: .milliseconds(500))
      #expect(error as? TransportError == .timeout, "\(scheme): \(String(describing: error))")
      #expect(elapsed >= .milliseconds(490) && elapsed < Self.bound, "\(scheme) took \(elapsed)")
    }
  }

  @Test func cancellingARequestEndsItAtOnceInEveryState() async throws {
    let silent = try SilentListener()
    let full = try SilentListener(fillingTheBacklog: true)
    let hanging = try await ScriptedServer.start { _ in .hang }
    let urls = [
      "https://127.0.0.1:\(silent.port)/", "http://127.0.0.1:\(full.port)/", "\(hanging.baseURL)/",
    ]
    for url in urls {
      let transport = AsyncHTTPTransport()
      let task = Task { try await transport.send(request(url), deadline: .now + .seconds(60)) }
      try await Task.sleep(for: .milliseconds(200))
      let clock = ContinuousClock()
      let start = clock.now
      task.cancel()
      await #expect(throws: CancellationError.self, "\(url)") { _ = try await task.value }
      await transport.shutdown()
      #expect(clock.now - start < .seconds(2), "\(url): cancelled, it took \(clock.now - start) to end")
    }
    await hanging.stop()
  }
}
