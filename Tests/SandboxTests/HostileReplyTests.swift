import BcshFormats
import BcshHTTP
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
import Foundation
import TestSupport
import Testing

/// Issue 22, item 12: answers that are not HTTP as BigCommerce speaks it, TLS alerts and an
/// unusable `BCSH_CA_BUNDLE` are said in bcsh's words, with bcsh's advice, never with the text of
/// NIO, AsyncHTTPClient or BoringSSL (type names, error codes, build paths).
@Suite struct HostileReplyTests {
  func request(_ url: String) -> HTTPRequest {
    HTTPRequest(method: .get, url: url, headers: [("X-Auth-Token", "secret-token-value")])
  }

  /// The transport's error for one request to `url`, with `transport`'s options.
  func failure(_ url: String, transport: AsyncHTTPTransport = AsyncHTTPTransport()) async -> TransportError? {
    defer { Task { await transport.shutdown() } }
    do {
      let response = try await transport.send(request(url), deadline: .now + .seconds(10))
      Issue.record("taken as an answer: HTTP \(response.status), \(response.body.count) bytes")
      return nil
    } catch let error as TransportError {
      return error
    } catch {
      Issue.record("not a TransportError: \(error)")
      return nil
    }
  }

  /// The diagnosis as a user reads it: message and advice.
  func said(_ error: TransportError) -> (String, String) {
    let diagnosis = Verifier.diagnosis(for: error)
    return (diagnosis.message, diagnosis.advice)
  }

  /// Nothing of a library's own text.
  func expectOwnWords(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for libraryText in ["NIO", "SSL", "Error", "error:", "HTTPClient", "Parser", "/", ".cc", "Failure", "_"] {
      #expect(!text.contains(libraryText), "'\(libraryText)' in: \(text)", sourceLocation: sourceLocation)
    }
  }

  static let replies: [(String, [UInt8], String)] = [
    ("garbage", Array("SSH-2.0-OpenSSH_9.6\r\n".utf8), "the server's answer is not HTTP"),
    (
      "a head that never ends",
      Array(("HTTP/1.1 200 OK\r\nX-Padding: " + String(repeating: "a", count: 200_000)).utf8),
      "the server's answer has a head too large"
    ),
    (
      "a body shorter than it said",
      Array("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc".utf8),
      "the connection closed before the whole answer arrived"
    ),
  ]

  @Test(arguments: 0..<3)
  func aMalformedAnswerIsSaidInBcshsWords(index: Int) async throws {
    let (name, bytes, expected) = Self.replies[index]
    let server = try await ScriptedServer.raw(bytes)
    guard let error = await failure("\(server.baseURL)/v3/hooks") else { return }
    let (message, advice) = said(error)
    #expect(message.contains(expected), "\(name): \(message)")
    expectOwnWords(message)
    #expect(
      advice == "check BCSH_API_BASE; a proxy may be answering instead of BigCommerce", "\(name): \(advice)")
    await server.stop()
  }

  @Test func aTLSAlertIsSaidInBcshsWords() async throws {
    // A fatal handshake_failure alert (TLS 1.2 record), whatever the ClientHello said.
    let server = try await ScriptedServer.raw([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28])
    guard let error = await failure("https://127.0.0.1:\(server.port)/v3/hooks") else { return }
    let (message, _) = said(error)
    #expect(
      message.hasPrefix("the TLS connection failed: the server refused the TLS handshake"), "\(message)")
    expectOwnWords(message)
    await server.stop()
  }

  @Test func plainHTTPWhereTLSWasExpectedIsSaidInBcshsWords() async throws {
    let server = try await ScriptedServer.raw(Array("HTTP/1.1 400 Bad Request\r\n\r\n".utf8))
    guard let error = await failure("https://127.0.0.1:\(server.port)/v3/hooks") else { return }
    let (message, _) = said(error)
    #expect(message.hasPrefix("the TLS connection failed: the server does not speak TLS"), "\(message)")
    expectOwnWords(message)
    await server.stop()
  }

  @Test func anEmptyOrUnusableCABundleIsSaidInBcshsWords() async throws {
    let folder = TemporaryFolder("ca")
    #expect(FileManager.default.createFile(atPath: folder.path("not.pem"), contents: Data("hello\n".utf8)))
    let server = try await ScriptedServer.raw([])
    for (bundle, expected) in [
      ("", "BCSH_CA_BUNDLE cannot be used: it is set but empty"),
      (
        folder.path("not.pem"),
        "BCSH_CA_BUNDLE cannot be used: '\(folder.path("not.pem"))' holds no PEM certificate"
      ),
      (
        folder.path("missing.pem"),
        "BCSH_CA_BUNDLE cannot be used: cannot read '\(folder.path("missing.pem"))'"
      ),
    ] {
      guard
        let error = await failure(
          "https://127.0.0.1:\(server.port)/v3/hooks",
          transport: AsyncHTTPTransport(trustRootsPEMFile: bundle))
      else { continue }
      let (message, advice) = said(error)
      #expect(message.hasPrefix(expected), "\(message)")
      #expect(!message.contains("network"))
      #expect(advice.contains("BCSH_CA_BUNDLE"), "\(advice)")
    }
    await server.stop()
  }
}
