import BcshFormats
import BcshHTTP
import BcshModel
import BcshPorts
import BcshSandbox
import BcshSandboxData
import BcshShell
import BcshVerify
import Foundation
import Synchronization
import TestSupport
import Testing

/// verify against the sandbox (and, for what the sandbox never does, small scripted servers):
/// every diagnosis, the report rows, rate limits, redirects, deadlines and TLS.
@Suite struct VerifyTests {
  /// A store token on `hash` with the demo token `name`'s credentials and these declared scopes.
  private func token(
    _ name: String, scopes: [String] = [], hash: String = SandboxConfiguration.demoStoreHash,
    accessToken: String? = nil
  ) throws -> Token {
    let demo = try #require(SandboxConfiguration.demo.token(named: name))
    var token = Token(name: "test-\(name)", kind: demo.isAccountLevel ? .account : .store)
    token.apiPath = demo.isAccountLevel ? .account(uuid: demo.accountUUID!) : .store(hash: hash)
    token.accessToken = Secret(accessToken ?? demo.accessToken)
    token.clientID = demo.clientID
    for scope in scopes {
      let (found, level) = try ScopeCatalog.resolveGrant(scope, for: token.kind)
      token.grant(ScopeGrant(scopeID: found.id, level: level))
    }
    return token
  }

  private func verify(
    _ token: Token, base: String, scopes: ScopeSelection = .declared, timeout: Duration = .seconds(60),
    transport: (any HTTPTransport)? = nil, clock: any PacingClock = SystemPacingClock()
  ) async -> VerifyReport {
    let transport = transport ?? AsyncHTTPTransport()
    let report = await Verifier(transport: transport, apiBase: base, clock: clock, now: Date()).verify(
      token, scopes: scopes, timeout: timeout)
    await transport.shutdown()
    return report
  }

  private static let migration = Preset.named("migration-to")!.grants.map { "\($0.scopeID)=\($0.level)" }

  @Test func aTokenWithEveryDeclaredScopePasses() async throws {
    try await withSandbox { sandbox in
      let report = await verify(try token("migration", scopes: Self.migration), base: sandbox.baseURL)
      #expect(report.diagnosis == nil)
      #expect(report.passed && report.exitStatus == .success)
      #expect(report.livenessStatus == 200)
      #expect(report.store?.name == "bcsh Sandbox Store")
      #expect(report.store?.plan == "Plus")
      #expect(report.scopes.count == 8)
      #expect(report.scopes.allSatisfy { $0.outcome == .granted })
      #expect(report.scopes.first { $0.scope.id == "marketing" }?.status == 204)
      #expect(report.scopes[0].summary == "read access confirmed; write not tested")
    }
  }

  @Test func missingScopesAreNamedWithTheirLevels() async throws {
    try await withSandbox { sandbox in
      let report = await verify(try token("partial", scopes: Self.migration), base: sandbox.baseURL)
      #expect(
        report.diagnosis
          == .missingScopes([
            ScopeGrant(scopeID: "marketing", level: .modify), ScopeGrant(scopeID: "orders", level: .modify),
          ]))
      #expect(report.exitStatus == .verifyProblem)
      let missing = report.scopes.filter { $0.outcome == .missing }
      #expect(missing.map(\.status) == [403, 403])
      #expect(
        report.diagnosis?.message == "the token lacks 2 declared scopes: Marketing (modify), Orders (modify)")
      #expect(report.diagnosis?.advice.contains("never gains scopes") == true)
    }
  }

  @Test func scopesAllDiscoversExactlyTheTokensScopes() async throws {
    try await withSandbox { sandbox in
      for name in ["readonly", "partial", "full"] {
        let demo = try #require(SandboxConfiguration.demo.token(named: name))
        let report = await verify(try token(name), base: sandbox.baseURL, scopes: .all)
        #expect(report.scopes.count == ScopeCatalog.scopes(for: .store).count)
        let granted = Set(report.scopes.filter { $0.outcome == .granted }.map(\.scope.id))
        // What the token's strings say it can read, for every scope that has a read probe.
        let held = Set(
          ScopeCatalog.scopes(for: .store).filter { scope in
            scope.probe != nil
              && scope.levels.contains {
                $0.level.includesRead && demo.scopes.contains($0.tokenString ?? "-")
              }
          }.map(\.id))
        // Content also opens Checkout Content's endpoint: with Content held, that row is inconclusive;
        // the infrastructure scopes read one endpoint, so with any held none is told apart.
        let infrastructure: Set = [
          "infrastructure-deployments", "infrastructure-projects", "infrastructure-logs",
        ]
        let shared =
          (held.contains("content") ? ["checkout-content"] : [])
          + (held.isDisjoint(with: infrastructure) ? [] : infrastructure)
        #expect(granted == held.subtracting(shared), "\(name)")
        let infrastructureRows = report.scopes.filter { infrastructure.contains($0.scope.id) }.map(\.outcome)
        if held.isDisjoint(with: infrastructure) {
          #expect(infrastructureRows.allSatisfy { $0 == .missing }, "\(name)")
        } else {
          #expect(
            infrastructureRows.allSatisfy { if case .inconclusive = $0 { true } else { false } }, "\(name)")
        }
        let checkout = report.scopes.first { $0.scope.id == "checkout-content" }?.outcome
        if held.contains("content") {
          #expect(checkout == .inconclusive("Content opens the same endpoint"), "\(name)")
        }
        #expect(report.scopes.allSatisfy { if case .error = $0.outcome { false } else { true } }, "\(name)")
        #expect(report.passed, "\(name)")
      }
    }
  }

  @Test func anInvalidTokenIsA401Finding() async throws {
    try await withSandbox { sandbox in
      let report = await verify(
        try token("migration", scopes: ["products"], accessToken: "0000000000000000000000000000000"),
        base: sandbox.baseURL)
      #expect(report.diagnosis == .invalidToken(store: "sbxdemo001"))
      #expect(report.livenessStatus == 401)
      #expect(report.exitStatus == .verifyProblem)
      #expect(report.scopes.isEmpty)
    }
  }

  @Test func aTokenOfAnotherStoreIsAMismatchNeverAMissingScope() async throws {
    try await withSandbox { sandbox in
      let report = await verify(try token("other", scopes: ["products"]), base: sandbox.baseURL)
      #expect(report.diagnosis == .storeMismatch)
      #expect(report.livenessStatus == 403)
      #expect(report.diagnosis?.message.contains("do not belong together") == true)
    }
  }

  @Test func anAccountLevelTokenSpendsOneRequest() async throws {
    try await withSandbox { sandbox in
      var account = try token("account")
      account.grant(ScopeGrant(scopeID: "account-users", level: .readOnly))
      let report = await verify(account, base: sandbox.baseURL)
      #expect(report.diagnosis == nil)
      #expect(report.passed)
      #expect(report.scopes.map(\.outcome) == [.notProbeable])
      var foreign = account
      foreign.apiPath = .account(uuid: "00000000-0000-4000-8000-000000000000")
      let mismatch = await verify(foreign, base: sandbox.baseURL).diagnosis
      #expect(mismatch == .accountMismatch)
      #expect(mismatch?.advice.contains("account UUID") == true)
    }
  }

  @Test func recoversFromAnExhaustedQuotaWithoutHammering() async throws {
    var configuration = SandboxConfiguration.demo
    configuration.quota = 5
    configuration.windowMilliseconds = 1500
    try await withSandbox(configuration) { sandbox in
      // Another app used the whole window.
      for _ in 0..<5 {
        _ = try await sandbox.get(
          "/v2/time", token: SandboxConfiguration.demo.token(named: "migration")?.accessToken)
      }
      let counting = CountingTransport(AsyncHTTPTransport())
      let report = await verify(
        try token("migration", scopes: Self.migration), base: sandbox.baseURL, transport: counting)
      #expect(report.passed, "\(String(describing: report.diagnosis))")
      #expect(report.scopes.allSatisfy { $0.outcome == .granted })
      #expect(counting.count(of: 429) <= 1)
      #expect(counting.count(of: 200) + counting.count(of: 204) == 9)
    }
  }

  @Test func pacesItselfWithinASmallQuota() async throws {
    var configuration = SandboxConfiguration.demo
    configuration.quota = 10
    configuration.windowMilliseconds = 1000
    try await withSandbox(configuration) { sandbox in
      let counting = CountingTransport(AsyncHTTPTransport())
      let report = await verify(try token("full"), base: sandbox.baseURL, scopes: .all, transport: counting)
      #expect(report.passed, "\(String(describing: report.diagnosis))")
      #expect(counting.count(of: 429) == 0)
    }
  }

  @Test func aQuotaThatStaysExhaustedEndsAtTheDeadline() async throws {
    var configuration = SandboxConfiguration.demo
    configuration.quota = 1
    configuration.windowMilliseconds = 60_000
    try await withSandbox(configuration) { sandbox in
      _ = try await sandbox.get(
        "/v2/time", token: SandboxConfiguration.demo.token(named: "migration")?.accessToken)
      let started = ContinuousClock.now
      let report = await verify(
        try token("migration", scopes: ["products"]), base: sandbox.baseURL, timeout: .seconds(2))
      #expect(report.diagnosis == .rateLimited)
      #expect(report.exitStatus == .commandFailed)
      #expect(ContinuousClock.now - started < .seconds(15))
    }
  }

  @Test func serverErrorsAreRetriedABoundedNumberOfTimes() async throws {
    let server = try await ScriptedServer.start { _ in .respond(status: 500, headers: [], bodyBytes: 0) }
    let report = await verify(try token("migration", scopes: ["products"]), base: server.baseURL)
    #expect(report.diagnosis == .serverErrors(status: 500))
    #expect(server.log.requests == 4)
    await server.stop()
  }

  @Test func checkoutContentBesideContentIsInconclusive() async throws {
    try await withSandbox { sandbox in
      let report = await verify(try token("migration", scopes: ["checkout-content"]), base: sandbox.baseURL)
      #expect(report.scopes.map(\.outcome) == [.inconclusive("Content opens the same endpoint")])
      #expect(report.passed)
      #expect(
        report.summary
          == "the token works; 0 of 1 declared scope confirmed, 1 inconclusive")
      let full = await verify(
        try token("partial", scopes: ["products", "customers-login"]), base: sandbox.baseURL)
      #expect(
        full.summary
          == "the token works; 1 of 2 declared scopes confirmed, 1 cannot be checked without writing")
    }
  }

  @Test func a503IsAStoreThatIsDownNotRetried() async throws {
    let server = try await ScriptedServer.start { _ in .respond(status: 503, headers: [], bodyBytes: 0) }
    let report = await verify(try token("migration", scopes: ["products"]), base: server.baseURL)
    #expect(report.diagnosis == .storeUnavailable(status: 503))
    #expect(server.log.requests == 1)
    await server.stop()
  }

  @Test func bogusRateLimitHeadersStillBackOff() async throws {
    let server = try await ScriptedServer.start { _ in
      .respond(
        status: 429,
        headers: [("X-Rate-Limit-Time-Reset-Ms", "-5000"), ("X-Retry-After", "99999999999999999999")],
        bodyBytes: 0)
    }
    // The waits pass on a clock of their own (RequestPacerTests checks each one).
    let clock = ManualClock()
    let report = await verify(
      try token("migration", scopes: ["products"]), base: server.baseURL, clock: clock)
    #expect(report.diagnosis == .rateLimitedRepeatedly(attempts: 4))
    #expect(report.diagnosis?.message.contains("answered 429 Too Many Requests 4 times in a row") == true)
    #expect(server.log.requests == 4)
    #expect(clock.elapsed >= .milliseconds(1750))
    await server.stop()
  }

  @Test func aStoreThatIsNotThereIsNotFound() async throws {
    let server = try await ScriptedServer.start { _ in .respond(status: 404, headers: [], bodyBytes: 0) }
    #expect(
      await verify(try token("migration", scopes: ["products"]), base: server.baseURL).diagnosis
        == .storeNotFound)
    await server.stop()
  }

  @Test func aMalformedAnswerIsSaidSo() async throws {
    let server = try await ScriptedServer.start { _ in .respond(status: 200, headers: [], bodyBytes: 12) }
    let report = await verify(try token("migration", scopes: ["products"]), base: server.baseURL)
    #expect(report.diagnosis == .malformedResponse("GET /v3/hooks did not return {\"data\": [...]}"))
    await server.stop()
  }

  @Test func aRedirectIsNeverFollowedAndTheTokenNeverLeaves() async throws {
    let elsewhere = try await ScriptedServer.start { _ in .respond(status: 200, headers: [], bodyBytes: 0) }
    let target = elsewhere.baseURL + "/stores/sbxdemo001/v3/hooks"
    let server = try await ScriptedServer.start { _ in
      .respond(status: 302, headers: [("Location", target)], bodyBytes: 0)
    }
    let report = await verify(try token("migration", scopes: ["products"]), base: server.baseURL)
    #expect(report.diagnosis == .redirect(status: 302, location: target))
    #expect(server.log.requests == 1)
    #expect(elsewhere.log.requests == 0)
    await server.stop()
    await elsewhere.stop()
  }

  @Test func aServerThatNeverAnswersEndsAtTheDeadline() async throws {
    let server = try await ScriptedServer.start { _ in .hang }
    let started = ContinuousClock.now
    let report = await verify(
      try token("migration", scopes: ["products"]), base: server.baseURL, timeout: .seconds(1))
    let elapsed = ContinuousClock.now - started
    #expect(report.diagnosis == .timeout)
    #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(15))
    await server.stop()
  }

  @Test func connectionRefusedAndUnresolvableHosts() async throws {
    let server = try await ScriptedServer.start { _ in .hang }
    let closed = server.baseURL
    await server.stop()
    let refused = await verify(try token("migration", scopes: ["products"]), base: closed)
    guard case .connectionRefused = refused.diagnosis else {
      Issue.record("expected connection refused, got \(String(describing: refused.diagnosis))")
      return
    }
    let unresolved = await verify(
      try token("migration", scopes: ["products"]), base: "https://nonexistent.invalid")
    #expect(unresolved.diagnosis == .nameNotResolved(host: "nonexistent.invalid"))
    #expect(unresolved.exitStatus == .commandFailed)
  }

  @Test func overTLSWithAThrowawayCA() async throws {
    let ca = try ThrowawayCA.make()
    let tls = try ca.sandboxTLS()
    try await withSandbox(tls: tls) { sandbox in
      #expect(sandbox.baseURL.hasPrefix("https://"))
      let trusted = await verify(
        try token("migration", scopes: Self.migration), base: sandbox.baseURL,
        transport: AsyncHTTPTransport(trustRootsPEMFile: ca.caCertificate))
      #expect(trusted.passed, "\(String(describing: trusted.diagnosis))")
      let untrusted = await verify(try token("migration", scopes: ["products"]), base: sandbox.baseURL)
      guard case .tlsFailure = untrusted.diagnosis else {
        Issue.record("expected a TLS failure, got \(String(describing: untrusted.diagnosis))")
        return
      }
    }
  }

  @Test func missingCredentialsAreCaughtOffline() async {
    var token = Token(name: "offline", kind: .store)
    token.grant(ScopeGrant(scopeID: "products", level: .modify))
    let report = await verify(token, base: "https://nonexistent.invalid")
    #expect(report.diagnosis == .missingCredentials(token: "offline", missing: .both))
    #expect(
      report.diagnosis?.message == "nothing to verify yet: 'offline' has no API path and no access token")
    #expect(report.exitStatus == .commandFailed)
  }
}

/// The real transport, counting answers by status.
final class CountingTransport: HTTPTransport {
  private let inner: any HTTPTransport
  private let statuses = Mutex<[Int]>([])

  init(_ inner: any HTTPTransport) { self.inner = inner }

  func send(_ request: HTTPRequest, deadline: ContinuousClock.Instant) async throws -> HTTPResponse {
    let response = try await inner.send(request, deadline: deadline)
    statuses.withLock { $0.append(response.status) }
    return response
  }

  func shutdown() async { await inner.shutdown() }

  func count(of status: Int) -> Int { statuses.withLock { $0.filter { $0 == status }.count } }
}
