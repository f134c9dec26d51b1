import BcshFormats
import BcshHTTP
import BcshModel
import BcshPorts
import BcshProcesses
import BcshSandbox
import BcshSandboxData
import Foundation
import TestSupport
import Testing

/// bcsh's requests go through bcsh-net (the debug build beside the test's bcsh): the answers,
/// deadlines, cancellation and failures bcsh sees are those of the transport inside it, and a
/// helper that dies leaves no request waiting.
@Suite struct HelperTransportTests {
  static let helper = NetworkHelper(path: PackagePaths.bcshNet)
  /// The bound a hang is caught with: far above the deadlines asked for.
  static let bound: Duration = .seconds(5)

  func get(_ url: String, token: String? = nil) -> HTTPRequest {
    HTTPRequest(
      method: .get, url: url,
      headers: [("Accept", "application/json")] + (token.map { [("X-Auth-Token", $0)] } ?? []))
  }

  @Test func answersAreTheSameAsTheTransportInsideTheHelpersOwn() async throws {
    try await withSandbox { sandbox in
      let transport = try HelperTransport(helper: Self.helper, caBundle: nil)
      let token = SandboxConfiguration.roomy.accessToken("migration")
      let url = "\(sandbox.baseURL)/stores/\(SandboxConfiguration.demoStoreHash)/v3/catalog/products"
      let throughHelper = try await transport.send(get(url, token: token), deadline: .now + .seconds(30))
      let direct = try await sandbox.transport.send(get(url, token: token), deadline: .now + .seconds(30))
      #expect(throughHelper.status == 200)
      #expect(throughHelper.status == direct.status)
      #expect(throughHelper.text == direct.text)
      #expect(throughHelper.header("content-type") == direct.header("content-type"))
      // A request with a body, and a refusal: the API's own 401.
      let refused = try await transport.send(
        get(url, token: "not-a-token-of-this-store"), deadline: .now + .seconds(30))
      #expect(refused.status == 401)
      await transport.shutdown()
    }
  }

  @Test func manyRequestsAtOnceEachGetTheirOwnAnswer() async throws {
    try await withSandbox { sandbox in
      let transport = try HelperTransport(helper: Self.helper, caBundle: nil)
      let token = SandboxConfiguration.roomy.accessToken("migration")
      let store = SandboxConfiguration.demoStoreHash
      let paths = [
        "/v3/catalog/products", "/v2/orders", "/v3/customers", "/v3/hooks", "/v2/store", "/v3/nope",
      ]
      let expected = try await withThrowingTaskGroup(of: (String, Int, String).self) { group in
        for path in paths {
          group.addTask {
            let answer = try await sandbox.transport.send(
              get("\(sandbox.baseURL)/stores/\(store)\(path)", token: token), deadline: .now + .seconds(30))
            return (path, answer.status, answer.text)
          }
        }
        return try await group.reduce(into: [String: (Int, String)]()) { $0[$1.0] = ($1.1, $1.2) }
      }
      try await withThrowingTaskGroup(of: Void.self) { group in
        for round in 0..<5 {
          for path in paths {
            group.addTask {
              let answer = try await transport.send(
                get("\(sandbox.baseURL)/stores/\(store)\(path)", token: token), deadline: .now + .seconds(30))
              #expect(answer.status == expected[path]?.0, "round \(round), \(path)")
              #expect(answer.text == expected[path]?.1, "round \(round), \(path)")
            }
          }
        }
        try await group.waitForAll()
      }
      await transport.shutdown()
    }
  }

  @Test func theDeadlineGoesWithTheRequest() async throws {
    let full = try SilentListener(fillingTheBacklog: true)
    let silent = try SilentListener()
    let transport = try HelperTransport(helper: Self.helper, caBundle: nil)
    for url in ["http://127.0.0.1:\(full.port)/v3/hooks", "https://127.0.0.1:\(silent.port)/v3/hooks"] {
      let clock = ContinuousClock()
      let start = clock.now
      await #expect(throws: TransportError.timeout, "\(url)") {
        _ = try await transport.send(get(url), deadline: start + .milliseconds(500))
      }
      #expect(clock.now - start >= .milliseconds(490) && clock.now - start < Self.bound, "\(url)")
    }
    await transport.shutdown()
  }

  @Test func transportErrorsComeBackAsTheyAre() async throws {
    let transport = try HelperTransport(helper: Self.helper, caBundle: nil)
    await #expect(throws: TransportError.insecureURL("http://example.com/v3/hooks")) {
      _ = try await transport.send(get("http://example.com/v3/hooks"), deadline: .now + .seconds(5))
    }
    let closed = try SilentListener()
    let port = closed.port
    withExtendedLifetime(closed) {}
    _ = consume closed
    await #expect(throws: TransportError.connectionRefused(host: "127.0.0.1")) {
      _ = try await transport.send(get("http://127.0.0.1:\(port)/"), deadline: .now + .seconds(5))
    }
    await transport.shutdown()
    // BCSH_CA_BUNDLE reaches the helper as it is: set but empty is said on every request.
    let emptyBundle = try HelperTransport(helper: Self.helper, caBundle: "")
    await #expect(throws: TransportError.caBundle("it is set but empty")) {
      _ = try await emptyBundle.send(get("https://127.0.0.1:1/"), deadline: .now + .seconds(5))
    }
    await emptyBundle.shutdown()
  }

  @Test func aCancelledRequestEndsAtOnceAndTheNextOneIsAnswered() async throws {
    let hanging = try await ScriptedServer.start { head in
      head.uri == "/hang" ? .hang : .respond(status: 204, headers: [], bodyBytes: 0)
    }
    let transport = try HelperTransport(helper: Self.helper, caBundle: nil)
    let task = Task {
      try await transport.send(get("\(hanging.baseURL)/hang"), deadline: .now + .seconds(60))
    }
    try await Task.sleep(for: .milliseconds(300))
    let clock = ContinuousClock()
    let start = clock.now
    task.cancel()
    await #expect(throws: CancellationError.self) { _ = try await task.value }
    #expect(clock.now - start < .seconds(2), "cancelled, it took \(clock.now - start) to end")
    let next = try await transport.send(get("\(hanging.baseURL)/next"), deadline: .now + .seconds(10))
    #expect(next.status == 204)
    // A task cancelled before it sends never reaches the helper, nor the server.
    let sent = hanging.log.requests
    let early = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      return try await transport.send(get("\(hanging.baseURL)/hang"), deadline: .now + .seconds(60))
    }
    await #expect(throws: CancellationError.self) { _ = try await early.value }
    let after = try await transport.send(get("\(hanging.baseURL)/after"), deadline: .now + .seconds(10))
    #expect(after.status == 204)
    #expect(hanging.log.requests == sent + 1, "the cancelled request reached the server")
    await transport.shutdown()
    await hanging.stop()
  }

  @Test func aHelperThatDiesLeavesNoRequestWaiting() async throws {
    let hanging = try await ScriptedServer.start { _ in .hang }
    let transport = try HelperTransport(helper: Self.helper, caBundle: nil)
    let task = Task { try await transport.send(get("\(hanging.baseURL)/"), deadline: .now + .seconds(60)) }
    try await Task.sleep(for: .milliseconds(300))
    let clock = ContinuousClock()
    let start = clock.now
    kill(transport.helperProcessID, SIGKILL)
    do {
      _ = try await task.value
      Issue.record("a request answered by a killed helper")
    } catch let error as TransportError {
      guard case .other(let reason) = error else { throw error }
      #expect(reason.contains("bcsh-net"), "\(reason)")
    }
    #expect(clock.now - start < Self.bound)
    // Later requests fail at once too.
    await #expect(throws: TransportError.self) {
      _ = try await transport.send(get("\(hanging.baseURL)/"), deadline: .now + .seconds(60))
    }
    await transport.shutdown()
    await hanging.stop()
  }

  /// A helper that stops answering (here: stopped) cannot hold a request: bcsh keeps the deadline
  /// too, a moment after the helper would have.
  @Test func aStoppedHelperCannotHoldARequestPastItsDeadline() async throws {
    let hanging = try await ScriptedServer.start { _ in .hang }
    let transport = try HelperTransport(helper: Self.helper, caBundle: nil)
    kill(transport.helperProcessID, SIGSTOP)
    defer { kill(transport.helperProcessID, SIGKILL) }
    let clock = ContinuousClock()
    let start = clock.now
    // Bounded: a transport that waited on the helper alone would wait for ever.
    await #expect(throws: TransportError.timeout) {
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          _ = try await transport.send(get("\(hanging.baseURL)/"), deadline: start + .milliseconds(300))
        }
        group.addTask {
          try await Task.sleep(for: Self.bound)
          Issue.record("the request was still waiting after \(Self.bound)")
        }
        defer { group.cancelAll() }
        try await group.next()
      }
    }
    let elapsed = clock.now - start
    #expect(elapsed >= .milliseconds(300) + HelperTransport.grace - .milliseconds(20), "\(elapsed)")
    #expect(elapsed < Self.bound, "\(elapsed)")
    await transport.shutdown()
    await hanging.stop()
  }

  @Test func aHelperOfAnotherVersionSaysSo() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: PackagePaths.bcshNet)
    process.arguments = ["--protocol", "0", "transport"]
    let errors = Pipe()
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 3)
    #expect(said.contains("belongs to another version of bcsh (it speaks protocol 1, not 0)"), "\(said)")
  }

  @Test func shuttingDownEndsTheHelper() async throws {
    let transport = try HelperTransport(helper: Self.helper, caBundle: nil)
    let pid = transport.helperProcessID
    await transport.shutdown()
    let clock = ContinuousClock()
    let start = clock.now
    // Reaped by the transport's reader once it exits: then no process has its ID.
    while kill(pid, 0) == 0 && clock.now - start < Self.bound { try await Task.sleep(for: .milliseconds(10)) }
    #expect(kill(pid, 0) != 0, "bcsh-net still runs after shutdown")
    await #expect(throws: TransportError.self) {
      _ = try await transport.send(get("http://127.0.0.1:1/"), deadline: .now + .seconds(1))
    }
  }

  @Test func aMissingHelperIsAnErrorThatSaysSo() {
    #expect(throws: BcshError.self) {
      _ = try HelperTransport(helper: NetworkHelper(path: "/nonexistent/bcsh-net"), caBundle: nil)
    }
  }
}
