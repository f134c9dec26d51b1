import BcshFormats
import BcshHTTP
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
import Foundation
import NIOEmbedded
import NIOHTTP1
import TestSupport
import Testing

@testable import BcshSandbox
@testable import BcshSandboxData

/// The server itself: loopback only, latency, TLS, configuration files, the banner.
@Suite struct SandboxServerTests {
  @Test(arguments: ["0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "example.com", "", "127.0.0.1.example.com"])
  func nonLoopbackHostIsRefused(host: String) async throws {
    let server = SandboxServer(configuration: .demo, host: host)
    await #expect(throws: SandboxError.nonLoopbackHost(host)) { try await server.start() }
  }

  @Test func localhostIsAccepted() async throws {
    let server = SandboxServer(configuration: .demo, host: "localhost")
    let port = try await server.start()
    #expect(port > 0)
    #expect(server.baseURL.hasSuffix(":\(port)"))
    try await server.stop()
  }

  /// The latency is a timer on the connection's event loop, here one whose clock only the test
  /// moves: nothing is answered before 300 ms, everything at 300 ms, and six connections waiting
  /// at once are answered together (the delay never holds the loop's thread).
  @Test func latencyIsATimerThatDoesNotHoldTheEventLoop() throws {
    var configuration = SandboxConfiguration.roomy
    configuration.latencyMilliseconds = 300
    let api = SandboxAPI(configuration: configuration)
    let loop = EmbeddedEventLoop()
    let channels = (0..<6).map { _ in
      EmbeddedChannel(handler: SandboxHTTPHandler(api: api, latencyMilliseconds: 300), loop: loop)
    }
    let head = HTTPRequestHead(
      version: .http1_1, method: .GET, uri: "/stores/sbxdemo001/v2/time",
      headers: ["X-Auth-Token": configuration.accessToken("full")])
    for channel in channels {
      try channel.writeInbound(HTTPServerRequestPart.head(head))
      try channel.writeInbound(HTTPServerRequestPart.end(nil))
    }
    loop.advanceTime(by: .milliseconds(299))
    for channel in channels { #expect(try channel.readOutbound(as: HTTPServerResponsePart.self) == nil) }
    loop.advanceTime(by: .milliseconds(1))
    for channel in channels {
      guard case .head(let response) = try channel.readOutbound(as: HTTPServerResponsePart.self) else {
        Issue.record("no response head after 300 ms")
        continue
      }
      #expect(response.status == .ok)
      _ = try channel.finish()
    }
  }

  @Test func tlsWorksWithTheTestCAAndFailsWithout() async throws {
    let ca = try ThrowawayCA.make()
    let tls = try ca.sandboxTLS()
    let token = SandboxConfiguration.demo.accessToken("full")
    try await withSandbox(tls: tls, trustRootsPEMFile: ca.caCertificate) { sandbox in
      #expect(sandbox.baseURL.hasPrefix("https://localhost:"))
      let response = try await sandbox.get("/v2/time", token: token)
      #expect(response.status == 200)

      let untrusting = AsyncHTTPTransport()
      defer { Task { await untrusting.shutdown() } }
      let request = HTTPRequest(method: .get, url: "\(sandbox.baseURL)/stores/sbxdemo001/v2/time")
      do {
        _ = try await untrusting.send(request, deadline: .now + .seconds(30))
        Issue.record("an untrusted certificate was accepted")
      } catch let error as TransportError {
        guard case .tlsFailure = error else {
          Issue.record("expected a TLS failure, got \(error)")
          return
        }
      }
    }
  }

  @Test func unusableTLSFilesFailAtStart() async throws {
    let server = SandboxServer(
      configuration: .demo,
      tls: SandboxTLS(certificateChainPEM: "not a certificate", privateKeyPEM: "nor a key"))
    await #expect(throws: SandboxError.self) { try await server.start() }
  }

  @Test func configurationLoadsFromJSONWithDefaults() throws {
    let folder = TemporaryFolder("sandbox")
    let file = folder.url.appendingPathComponent("configuration.json")
    let json = """
      {"stores": [{"hash": "abc123", "name": "Mine"}],
       "tokens": [{"name": "t1", "accessToken": "tok", "storeHash": "abc123", "scopes": ["store_v2_products"]}],
       "quota": 7}
      """
    try json.write(to: file, atomically: true, encoding: .utf8)
    let configuration = try SandboxConfiguration.load(
      json: try String(contentsOf: file, encoding: .utf8), from: file.path)
    #expect(configuration.quota == 7)
    #expect(configuration.windowMilliseconds == 30_000)
    #expect(configuration.stores.first?.domain == "abc123.example")
    #expect(configuration.tokens.first?.scopes == ["store_v2_products"])
  }

  @Test func contradictoryConfigurationIsRefused() throws {
    var configuration = SandboxConfiguration.demo
    configuration.tokens.append(
      SandboxToken(name: "stray", accessToken: "stray", storeHash: "nosuchstore", scopes: []))
    #expect(throws: SandboxError.self) { try configuration.validate() }
    #expect(throws: SandboxError.self) {
      try SandboxConfiguration.load(json: "{\"stores\": [", from: "sandbox.json")
    }
  }

  @Test func demoCredentialsHaveBigCommerceFormats() {
    let alnum = Set("0123456789abcdefghijklmnopqrstuvwxyz")
    let hex = Set("0123456789abcdef")
    for token in SandboxConfiguration.demo.tokens {
      #expect(token.accessToken.count == 31 && token.accessToken.allSatisfy(alnum.contains), "\(token.name)")
      #expect(token.clientID.count == 31 && token.clientID.allSatisfy(alnum.contains), "\(token.name)")
      #expect(token.clientSecret.count == 64 && token.clientSecret.allSatisfy(hex.contains), "\(token.name)")
    }
    #expect(
      SandboxConfiguration.demo.tokens.map(\.name) == [
        "full", "migration", "partial", "readonly", "account", "other",
      ]
    )
  }

  @Test func bannerShowsStoreTokensAndScopes() {
    let text = SandboxBanner.text(for: .demo, baseURL: "http://127.0.0.1:4242")
    #expect(text.contains("http://127.0.0.1:4242"))
    #expect(text.contains("sbxdemo001") && text.contains("bcsh Sandbox Store"))
    #expect(text.contains("throw-away"))
    for token in SandboxConfiguration.demo.tokens {
      #expect(
        text.contains(token.name) && text.contains(token.accessToken) && text.contains(token.clientSecret))
      for scope in token.scopes { #expect(text.contains(scope)) }
    }
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 110 })
  }
}
