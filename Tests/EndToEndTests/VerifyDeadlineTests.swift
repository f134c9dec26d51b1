import Foundation
import TestSupport
import Testing

/// Issue 22, item 1: `--timeout` holds while connecting and during the TLS handshake, for one
/// token and for `--all` (where it is each round of four tokens' deadline).
@Suite struct VerifyDeadlineTests {
  static let accessToken = "k3jd8f0s9d8f7g6h5j4k3l2m1n0p9q8"

  func script(tokens: Int, verify: String) -> String {
    (0..<tokens).map { "token new test\($0); path set abc123; token set access-token --env AT" }
      .joined(separator: "; ") + "; " + verify
  }

  @Test(arguments: [false, true])
  func verifyEndsAtItsTimeoutWhileConnecting(backlogFull: Bool) throws {
    let bcsh = Bcsh()
    let listener = try SilentListener(fillingTheBacklog: backlogFull)
    let (result, elapsed, timedOut) = try bcsh.runBounded(
      ["-c", script(tokens: 1, verify: "verify --timeout 1")],
      environment: ["BCSH_API_BASE": "https://127.0.0.1:\(listener.port)", "AT": Self.accessToken],
      bound: .seconds(20))
    #expect(!timedOut && elapsed < .seconds(6), "verify --timeout 1 took \(elapsed)")
    #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
    #expect(
      result.stdout.contains("verify ran out of time before the API answered"),
      "\(result.stdout)\(result.stderr)")
  }

  @Test func verifyAllEndsAtItsTimeoutPerRound() throws {
    let bcsh = Bcsh()
    let listener = try SilentListener()
    // 9 tokens: three rounds of at most four, one second each.
    let (result, elapsed, timedOut) = try bcsh.runBounded(
      ["-c", script(tokens: 9, verify: "verify --all --timeout 1")],
      environment: ["BCSH_API_BASE": "https://127.0.0.1:\(listener.port)", "AT": Self.accessToken],
      bound: .seconds(25))
    #expect(!timedOut && elapsed < .seconds(9), "verify --all --timeout 1 over 9 tokens took \(elapsed)")
    #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
  }
}
