import BcshHTTP
import BcshSandbox
import BcshSandboxData
import Foundation
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// Liveness needs no scope (`GET /v3/hooks`), so a token without Information & Settings is never
/// taken for a token of another store; `verify --all` checks every token within the store's quota.
@Suite struct LivenessAndAllTests {
  /// The demo data plus tokens that hold a single scope each.
  private static var configuration: SandboxConfiguration {
    var configuration = SandboxConfiguration.roomy
    configuration.tokens += [
      SandboxToken(
        name: "logs-only", accessToken: "logsonly00000000000000000000000", storeHash: "sbxdemo001",
        scopes: ["store_logs_read_only"]),
      SandboxToken(
        name: "products-only", accessToken: "prodonly00000000000000000000000", storeHash: "sbxdemo001",
        scopes: ["store_v2_products"]),
    ]
    return configuration
  }

  private func token(_ name: String, hash: String = "sbxdemo001", scopes: [String]) throws -> Token {
    let demo = try #require(Self.configuration.token(named: name))
    var token = Token(name: "test-\(name)", kind: .store)
    token.apiPath = .store(hash: hash)
    token.accessToken = Secret(demo.accessToken)
    for scope in scopes {
      let (found, level) = try ScopeCatalog.resolveGrant(scope, for: .store)
      token.grant(ScopeGrant(scopeID: found.id, level: level))
    }
    return token
  }

  private func verify(_ tokens: [Token], base: String, scopes: ScopeSelection = .declared) async
    -> [VerifyReport]
  {
    let transport = AsyncHTTPTransport()
    let reports = await Verifier(transport: transport, apiBase: base, now: Date()).verify(
      all: tokens, scopes: scopes, timeout: .seconds(60))
    await transport.shutdown()
    return reports
  }

  @Test func aTokenWithOnlyStoreLogsIsAlive() async throws {
    try await withSandbox(Self.configuration) { sandbox in
      let report = try await verify([token("logs-only", scopes: ["store-logs"])], base: sandbox.baseURL)[0]
      #expect(report.diagnosis == nil)
      #expect(report.livenessStatus == 200)
      #expect(report.scopes.map(\.outcome) == [.granted])
      // It lacks Information & Settings: that is a missing scope, not another store.
      let more = try await verify(
        [token("logs-only", scopes: ["store-logs", "information-settings=read-only"])], base: sandbox.baseURL)[
          0]
      #expect(
        more.diagnosis == .missingScopes([ScopeGrant(scopeID: "information-settings", level: .readOnly)]))
    }
  }

  @Test func aTokenWithOnlyProductsIsAlive() async throws {
    try await withSandbox(Self.configuration) { sandbox in
      let report = try await verify([token("products-only", scopes: ["products"])], base: sandbox.baseURL)[0]
      #expect(report.diagnosis == nil)
      #expect(report.passed)
      let all = try await verify([token("products-only", scopes: [])], base: sandbox.baseURL, scopes: .all)[0]
      #expect(all.diagnosis == nil)
      #expect(all.scopes.filter { $0.outcome == .granted }.map(\.scope.id) == ["products"])
    }
  }

  @Test func aTokenWithNoDeclaredScopesIsToldHowToLearnThem() async throws {
    try await withSandbox(Self.configuration) { sandbox in
      let report = try await verify([token("products-only", scopes: [])], base: sandbox.baseURL)[0]
      #expect(report.passed)
      let text = VerifyRendering.text(report, style: .plain)
      #expect(text.contains("result: ok — the token works (no scopes declared)"))
      #expect(text.contains("hint: no scopes declared, so none was checked: 'verify --scopes all' finds out"))
      let declared = try await verify([token("products-only", scopes: ["products"])], base: sandbox.baseURL)[
        0]
      #expect(!VerifyRendering.text(declared, style: .plain).contains("hint: no scopes declared"))
    }
  }

  @Test func aTokenOfAnotherStoreIsAMismatch() async throws {
    try await withSandbox(Self.configuration) { sandbox in
      let report = try await verify(
        [token("other", hash: "sbxdemo001", scopes: ["products"])], base: sandbox.baseURL)[0]
      #expect(report.diagnosis == .storeMismatch)
      #expect(report.livenessStatus == 403)
      #expect(report.exitStatus == .verifyProblem)
    }
  }

  @Test func thePlanLimitIsNotAnOutage() async throws {
    let server = try await ScriptedServer.start { _ in .respond(status: 507, headers: [], bodyBytes: 0) }
    let report = try await verify([token("migration", scopes: ["products"])], base: server.baseURL)[0]
    #expect(report.diagnosis == .planLimit)
    #expect(report.diagnosis?.message.contains("limit of its BigCommerce plan") == true)
    #expect(report.requestBase == server.baseURL)
    await server.stop()
  }

  @Test func allChecksEveryTokenAndSharesTheStoresQuota() async throws {
    var configuration = Self.configuration
    configuration.quota = 12
    configuration.windowMilliseconds = 1000
    try await withSandbox(configuration) { sandbox in
      let tokens = [
        try token("migration", scopes: ["products", "orders", "customers"]),
        try token("partial", scopes: ["products", "orders", "marketing"]),
        try token("products-only", scopes: ["products"]),
        try token("other", hash: "sbxother02", scopes: ["products", "content"]),
        try token("other", hash: "sbxdemo001", scopes: ["products"]),
      ]
      let counting = CountingTransport(AsyncHTTPTransport())
      let reports = await Verifier(transport: counting, apiBase: sandbox.baseURL, now: Date()).verify(
        all: tokens, scopes: .declared, timeout: .seconds(60))
      await counting.shutdown()
      #expect(reports.map(\.tokenName) == tokens.map(\.name))
      #expect(reports[0].passed && reports[2].passed && reports[3].passed)
      #expect(
        reports[1].diagnosis
          == .missingScopes([
            ScopeGrant(scopeID: "marketing", level: .modify), ScopeGrant(scopeID: "orders", level: .modify),
          ]))
      #expect(reports[4].diagnosis == .storeMismatch)
      #expect(counting.count(of: 429) == 0)
    }
  }

  /// Issue 22 item 6: a store whose name and domain carry terminal escapes (an OSC that retitles
  /// the window, a screen clear, a one-byte CSI, a forged line) shows them escaped.
  @Test func aHostileStoreNameReachesTheTerminalEscaped() async throws {
    var configuration = SandboxConfiguration.roomy
    let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\nresult: ok"
    configuration.stores[0].name = hostile
    configuration.stores[0].domain = "shop\u{1B}[1A.example"
    try await withSandbox(configuration) { sandbox in
      let output = CapturedOutput()
      var environment = ShellEnvironment(
        variables: ["AT": configuration.accessToken("migration")], currentDirectory: "/",
        apiBase: sandbox.baseURL,
        ports: Ports(transport: { AsyncHTTPTransport() }, files: LocalFiles()))
      environment.ports.now = { Date(timeIntervalSince1970: 0) }
      let shell = Shell(environment: environment, writer: output)
      let script = """
        token new hostile-store; path set sbxdemo001; scope add information-settings=read-only
        token set access-token --env AT; verify
        """
      _ = await shell.run(script: script, source: "hostile.bcsh", path: nil)
      let text = output.output + output.error
      #expect(text.contains(#"\e]0;pwned\x07\e[2J\x9B31m\nresult: ok"#), "\(text)")
      #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{07}" })
      #expect(!text.contains("\nresult: ok ·"))
    }
  }

  @Test func allThroughTheShellSummarizesAndExitsWithTheWorst() async throws {
    try await withSandbox(Self.configuration) { sandbox in
      let output = CapturedOutput()
      var environment = ShellEnvironment(
        variables: [:], currentDirectory: "/", apiBase: sandbox.baseURL,
        ports: Ports(transport: { AsyncHTTPTransport() }, files: LocalFiles()))
      environment.ports.now = { Date(timeIntervalSince1970: 0) }
      let shell = Shell(environment: environment, writer: output)
      let configuration = Self.configuration
      let script = """
        token new good-one; path set sbxdemo001; scope add products orders
        token set access-token --env GOOD
        token new lacking-one; path set sbxdemo001; scope add products marketing
        token set access-token --env PARTIAL
        token new empty-one; path set sbxdemo001
        verify --all
        """
      shell.environment.variables = [
        "GOOD": configuration.accessToken("migration"), "PARTIAL": configuration.accessToken("partial"),
      ]
      let status = await shell.run(script: script, source: "all.bcsh", path: nil)
      #expect(status == .commandFailed)
      let text = output.output
      #expect(text.contains("verify --all: 3 tokens (requests go to \(sandbox.baseURL))"))
      #expect(text.contains("good-one"))
      #expect(text.contains(/missing scopes +marketing=modify/))
      #expect(text.contains("no access token"))
      #expect(text.contains("1 ok, 1 with a problem, 1 could not be checked"))
      // The detail agrees with the summary: the token without credentials was not checked.
      #expect(text.contains("result: not checked — nothing to verify yet: 'empty-one' has no access token"))
      #expect(text.contains("verify 'lacking-one' (store-level)"))
      #expect(!text.contains(configuration.accessToken("migration")))
      // A verify that ran is recorded whatever it found, though the command fails.
      let recorded = shell.state.session.tokens.map { $0.lastVerification?.result }
      #expect(recorded == [.passed, .problem, .notChecked])
      // When every token passes, each keeps its result.
      let passing = await shell.run(
        script: "token rm lacking-one; token rm empty-one; verify --all", source: "all.bcsh", path: nil)
      #expect(passing == .success, "\(output.error)")
      #expect(shell.state.session.token(named: "good-one")?.lastVerification?.passed == true)

      // --json: one document with every token.
      let json = CapturedOutput()
      let jsonShell = Shell(environment: shell.environment, format: OutputFormat(json: true), writer: json)
      _ = await jsonShell.run(script: script, source: "all.bcsh", path: nil)
      let document = try #require(
        try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
      #expect(document["exit_status"] as? Int == 2)
      #expect(
        (document["tokens"] as? [[String: Any]])?.map { $0["token"] as? String } == [
          "good-one", "lacking-one", "empty-one",
        ])
      #expect(
        (document["summary"] as? [String: Int]) == ["tokens": 3, "ok": 1, "problems": 1, "not_checked": 1])
    }
  }

  /// Six tokens of one store probing the whole catalog need far more than a 3-second deadline at
  /// a quota of 12 a second: verify says so as soon as the quota is known, naming the time the
  /// quota needs and the --timeout that would do, instead of blaming the store's other apps.
  @Test func allEstimatesWhatTheQuotaNeedsAndSaysWhichTimeoutWouldDo() async throws {
    var configuration = Self.configuration
    configuration.quota = 12
    configuration.windowMilliseconds = 1000
    try await withSandbox(configuration) { sandbox in
      let tokens = try (0..<6).map { _ in try token("migration", scopes: ["products"]) }
      let transport = AsyncHTTPTransport()
      let reports = await Verifier(transport: transport, apiBase: sandbox.baseURL, now: Date()).verify(
        all: tokens, scopes: .all, timeout: .seconds(3))
      await transport.shutdown()
      let estimates = reports.compactMap { report -> QuotaEstimate? in
        if case .quotaNeedsTime(let estimate) = report.diagnosis { return estimate }
        return nil
      }
      #expect(!estimates.isEmpty, "\(reports.map { $0.diagnosis?.message ?? "ok" })")
      #expect(!reports.contains { $0.diagnosis == .rateLimited })
      for estimate in estimates {
        #expect(estimate.quotaDescription == "12 per 1 s")
        #expect(estimate.suggestedTimeout > 3)
        #expect(estimate.deadlineParts == 2)
      }
      let advice = try #require(
        reports.first { if case .quotaNeedsTime = $0.diagnosis { true } else { false } }?.diagnosis)
      #expect(advice.message.contains("this verify's own"))
      #expect(advice.advice.contains("verify again with --timeout"))
    }
  }
}
