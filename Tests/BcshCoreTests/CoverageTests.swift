import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// `verify --for`: each needed scope judged by what the probes found and what the token declares.
@Suite struct CoverageTests {
  private func token(_ grants: [(String, AccessLevel)]) -> Token {
    var token = Token(name: "cover-test", kind: .store)
    for (id, level) in grants { token.grant(ScopeGrant(scopeID: id, level: level)) }
    return token
  }

  private func report(_ outcomes: [(String, AccessLevel?, ProbeOutcome)]) -> VerifyReport {
    var report = VerifyReport(tokenName: "cover-test", kind: .store)
    report.scopes = outcomes.map {
      ScopeResult(scope: ScopeCatalog.scope(id: $0.0)!, declared: $0.1, outcome: $0.2, status: nil)
    }
    return report
  }

  @Test func aPresetIsCoveredOnlyByWhatTheProbesConfirmAtTheLevelsDeclared() throws {
    let preset = try #require(Preset.named("stencil-publish"))
    let token = token([
      ("information-settings", .readOnly), ("themes", .readOnly), ("sites-routes", .readOnly),
    ])
    let found = report([
      ("information-settings", .readOnly, .granted), ("themes", .readOnly, .granted),
      ("sites-routes", .readOnly, .missing), ("channel-settings", nil, .granted),
    ])
    let coverage = Coverage.evaluate(.preset(preset), report: found, token: token)
    #expect(!coverage.isComplete)
    let details = Dictionary(uniqueKeysWithValues: coverage.items.map { ($0.grant.scopeID, $0.detail) })
    #expect(details["information-settings"] == "granted")
    #expect(details["themes"] == "declared read-only, needs modify")
    #expect(details["sites-routes"] == "missing")
    #expect(details["channel-settings"] == "granted (not declared)")
    #expect(coverage.needed == preset.grants)
  }

  @Test func aFileIsCoveredByADeclaredAlternativeOfAnAmbiguousRequest() throws {
    let token = token([("sites-routes", .modify)])
    let need = try ScopeNeed.resolve(
      [APIRequest(method: .post, path: "/v3/channels")], declared: token.grants)
    let coverage = Coverage.evaluate(
      .file("calls.txt", need), report: report([("sites-routes", .modify, .granted)]), token: token)
    #expect(coverage.isComplete)
    #expect(coverage.items.first?.detail == "read access confirmed; modify declared")
    let bare = Token(name: "cover-test", kind: .store)
    let open = try ScopeNeed.resolve([APIRequest(method: .post, path: "/v3/channels")])
    #expect(!Coverage.evaluate(.file("calls.txt", open), report: report([]), token: bare).isComplete)
  }

  @Test func aDryRunOrAStoppedVerifyChecksNoCoverage() async {
    var options = ShellOptions()
    options.dryRun = true
    let t = TestShell(options: options)
    let status = await t.run(
      "token new abcd; path set abc123; token set access-token k3jd8f0s9d8f7g6h5j4k3l2m1n0p9q8; verify --for catalyst"
    )
    #expect(status == .success)
    #expect(t.output.output.contains("  coverage  skipped  preset catalyst: dry run: nothing was sent\n"))
  }

  @Test func needFileAddThenChecklistNamesTheExactAccount() async {
    let t = TestShell()
    t.write("traffic.txt", "GET /v3/catalog/products\nPUT /v3/catalog/products/5\nGET /v2/orders\n")
    let status = await t.run("token new sync-app; scope need --file traffic.txt --add; token checklist")
    #expect(status == .success)
    #expect(
      t.state.session.current?.grants
        == [ScopeGrant(scopeID: "orders", level: .readOnly), ScopeGrant(scopeID: "products", level: .modify)])
    #expect(t.output.output.contains("Products"))
    #expect(t.output.output.contains("Orders"))
  }

  /// Whatever a request file holds, reading it gives requests or an error, never a crash.
  @Test func oddRequestLinesNeverCrash() {
    let lines = [
      "GET", "GET  ", "\"GET", "GET \"", "GET https://", "GET http://x", "GET /", "GET //", "GET /stores",
      "GET /stores/x", "GET /stores/x/v3", "GET ?x", "GET #", "  \t GET\t/v3/hooks", "é GET /v3/hooks ☕",
      "\"GET /v3/hooks HTTP/1.1\"", "GET /v3/catalog/products/%2F", "DELETE /v3/../../etc", "{",
      "{\"log\":1}",
      "{\"log\":{\"entries\":[1,{\"request\":{}}]}}", "OPTIONS /v3/hooks", "get /v3/hooks",
    ]
    for line in lines {
      if let read = try? RequestReader.requests(fromFile: line, source: "f") {
        for request in read.requests {
          _ = try? ScopeNeed.resolve([request])
          _ = EndpointCatalog.nearest(request)
        }
      }
    }
  }
}
