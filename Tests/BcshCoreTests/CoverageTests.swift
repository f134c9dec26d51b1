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

  /// What reading `line` as a request file gives: each request with the scopes it needs (or why
  /// none), or the error with its place.
  private func outcome(of line: String) -> String {
    let read: [APIRequest]
    do {
      read = try RequestReader.requests(fromFile: line, source: "f").requests
    } catch {
      return "\(error.position.map(String.init(describing:)) ?? "-"): \(error.message)"
    }
    return read.map { request in
      let need: String
      do throws(BcshError) {
        let grants = try ScopeNeed.resolve([request]).grants
        need = grants.isEmpty ? "no scope" : grants.map { "\($0.scopeID)=\($0.level)" }.joined(separator: " ")
      } catch {
        need = "\(error.position.map(String.init(describing:)) ?? "-"): \(error.message)"
      }
      return "\(request.method) \(request.path) needs \(need)"
    }.joined(separator: "; ")
  }

  /// Whatever a request file holds, reading it gives the request written on the line, or an error
  /// at the line that names it: never a crash, and never a request made up from a broken line.
  @Test(arguments: [
    ("GET", "f:1:1: no request in 'GET'"),
    ("GET  ", "f:1:1: no request in 'GET'"),
    ("\"GET", "f:1:1: no request in '\"GET'"),
    ("GET \"", "f:1:1: no request in 'GET \"'"),
    ("GET https://", "GET / needs f:1:1: no BigCommerce endpoint matches 'GET /'"),
    ("GET http://x", "GET / needs f:1:1: no BigCommerce endpoint matches 'GET /'"),
    ("GET /", "GET / needs f:1:1: no BigCommerce endpoint matches 'GET /'"),
    ("GET //", "GET / needs f:1:1: no BigCommerce endpoint matches 'GET /'"),
    ("GET /stores", "GET /stores needs f:1:1: no BigCommerce endpoint matches 'GET /stores'"),
    ("GET /stores/x", "GET / needs f:1:1: no BigCommerce endpoint matches 'GET /'"),
    ("GET /stores/x/v3", "GET /v3 needs f:1:1: no BigCommerce endpoint matches 'GET /v3'"),
    ("GET ?x", "f:1:1: no request in 'GET ?x'"),
    ("GET #", "f:1:1: no request in 'GET #'"),
    ("  \t GET\t/v3/hooks", "GET /v3/hooks needs no scope"),
    ("é GET /v3/hooks ☕", "GET /v3/hooks needs no scope"),
    ("\"GET /v3/hooks HTTP/1.1\"", "GET /v3/hooks needs no scope"),
    ("GET /v3/catalog/products/%2F", "GET /v3/catalog/products/%2F needs products=read-only"),
    (
      "DELETE /v3/../../etc",
      "DELETE /v3/../../etc needs f:1:1: no BigCommerce endpoint matches 'DELETE /v3/../../etc'"
    ),
    ("{", "f:1:1: 'f' is not a HAR file (no log.entries)"),
    ("{\"log\":1}", "f:1:1: 'f' is not a HAR file (no log.entries)"),
    (
      "{\"log\":{\"entries\":[1,{\"request\":{}}]}}",
      "f:1:1: HAR entry 1 has no request.method and request.url"
    ),
    ("OPTIONS /v3/hooks", "OPTIONS /v3/hooks needs f:1:1: no BigCommerce endpoint takes 'OPTIONS /v3/hooks'"),
    ("get /v3/hooks", "GET /v3/hooks needs no scope"),
  ])
  func oddRequestLinesGiveTheirRequestOrAnError(line: String, expected: String) {
    #expect(outcome(of: line) == expected)
  }
}
