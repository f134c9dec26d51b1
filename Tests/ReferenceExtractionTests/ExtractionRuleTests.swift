import Foundation
import Testing

@testable import BcshModel
@testable import ReferenceExtraction

/// Each rule of the extractor on a fixture of reference snippets (Fixtures/docs, laid out as a
/// checkout of bigcommerce/docs), and the committed Swift data against the committed table.
@Suite struct ExtractionRuleTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
  static let fixture = root + "/Fixtures/docs"
  static let project = URL(fileURLWithPath: root).deletingLastPathComponent().deletingLastPathComponent().path

  static let rows: [ReferenceRow] = (try? ReferenceExtractor(root: fixture).rows()) ?? []

  private func row(_ method: String, _ path: String) throws -> ReferenceRow {
    try #require(Self.rows.first { $0.method == method && $0.path == path }, "no row \(method) \(path)")
  }

  /// The grants a row normalizes to, as `scope need` uses them.
  private func grants(_ method: String, _ path: String) throws -> [String] {
    let row = try row(method, path)
    let endpoint = EndpointNormalizer.endpoint(
      method: row.method, path: row.path, specFile: row.specFile,
      entries: row.scopes.map { ($0.uiName, $0.permission, $0.tokenString) })
    switch endpoint.requirement {
    case .anyOf(let grants): return grants.map { "\($0.scopeID)=\($0.level)" }
    case .implicitDefault: return ["default"]
    case .unstated(let tokens): return tokens.map { "unknown:\($0)" }
    }
  }

  @Test func aFileLevelTableWithoutBackticksCounts() throws {
    #expect(try grants("GET", "/v3/store/systemlogs") == ["store-logs=read-only"])
    #expect(try row("GET", "/v3/store/systemlogs").note == "")
  }

  @Test func onlyScopeTablesCountAndScopesOnlyOwnTablesNeedStayWithThem() throws {
    // The "Required Fields" table of POST /v3/carts is not a scope table.
    #expect(try grants("POST", "/v3/carts") == ["carts=modify"])
    #expect(try row("POST", "/v3/carts").note.hasPrefix("file-level table less Information & Settings"))
    #expect(try grants("GET", "/v3/carts/settings") == ["information-settings=read-only"])
    #expect(
      try row("GET", "/v3/carts/settings").note == "operation description: scope table (carts.v3.yml:31-32)")
  }

  @Test func aFileLevelNoteOnATagsEndpointsOverridesTheTable() throws {
    #expect(try grants("GET", "/v3/settings/analytics") == ["content=read-only"])
    #expect(try row("GET", "/v3/settings/analytics").note.contains("Analytics endpoints require the Content"))
    #expect(try grants("GET", "/v3/settings/logo") == ["information-settings=read-only"])
  }

  @Test func eachOperationsRequiredScopesOverrideTheTable() throws {
    #expect(try grants("POST", "/v3/storefront/api-token") == ["storefront-api-tokens=manage"])
    #expect(
      try grants("POST", "/v3/storefront/api-token-customer-impersonation")
        == ["storefront-api-customer-impersonation-tokens=manage"])
    #expect(
      try row("POST", "/v3/storefront/api-token").note
        == "operation description: \"Required Scopes\" list (storefront_tokens.v3.yml:13-14)")
    // An operation that states nothing keeps the table: either scope.
    #expect(try grants("DELETE", "/v3/storefront/api-token").count == 2)
  }

  @Test func operationSentencesOverrideTheTable() throws {
    #expect(
      try grants("POST", "/v3/orders/{order_id}/payment_actions/capture") == [
        "orders=modify", "order-transactions=modify",
      ])
    #expect(
      try grants("PUT", "/v3/tax/providers/{provider_id}/connection") == ["information-settings=modify"])
    #expect(
      try row("PUT", "/v3/tax/providers/{provider_id}/connection").note
        == "operation description: \"Requires write permissions on the Information and Settings scope\" (tax.v3.yml:13)"
    )
  }

  @Test func aPlaceholderTableFallsBackToWhatApiAccountsDocuments() throws {
    #expect(try grants("GET", "/v3/content/page-widgets") == ["content=read-only"])
    #expect(try grants("POST", "/v3/content/page-widgets") == ["content=modify"])
    let note = try row("GET", "/v3/content/page-widgets").note
    #expect(note.hasPrefix("placeholder table in spec: unreliable (page-widgets.v3.yml:28-29"))
    #expect(
      note.hasSuffix("scopes from docs/start/authentication/api-accounts.mdx:5-6, the rows for Widgets V3"))
  }

  @Test func everyFileWhoseServerIsTheStoreAPIIsReadWhateverItsSuffix() throws {
    #expect(try grants("POST", "/v3/pricing/products") == ["products=read-only"])
    #expect(try row("POST", "/v3/pricing/products").note.contains("has no required scopes"))
    // The storefront's own carts file (https://{store_domain}/api/storefront) is not the store API.
    #expect(!Self.rows.contains { $0.specFile == "reference/carts.sf.yml" })
  }

  @Test func noneRequiredIsTheImplicitDefaultScope() throws {
    #expect(try grants("GET", "/v3/hooks") == ["default"])
  }

  @Test func readsTakeTheLevelApiAccountsDocumentsWhereTheFileNamesOnlyModify() throws {
    #expect(try grants("GET", "/v3/themes") == ["themes=read-only"])
    #expect(try grants("POST", "/v3/themes") == ["themes=modify"])
    #expect(
      try row("GET", "/v3/themes").note.contains(
        "api-accounts.mdx:8 documents Themes read-only (\"View themes\")"))
  }

  @Test func theTableRoundTripsThroughItsFile() throws {
    let text = EndpointTableFile.tsv(Self.rows, commit: String(repeating: "a", count: 40))
    let (read, commit) = try EndpointTableFile.read(text)
    #expect(read == Self.rows)
    #expect(commit == String(repeating: "a", count: 40))
    #expect(Set(Self.rows.map(\.specFile)).count == 10)
  }

  /// The committed EndpointTable+Data.swift holds exactly the committed table's rows, normalized:
  /// after the table changes, `scripts/generate-endpoints` must run again.
  @Test func theCommittedDataIsTheCommittedTables() throws {
    let text = try String(contentsOfFile: Self.project + "/" + EndpointTableFile.tablePath, encoding: .utf8)
    let (rows, commit) = try EndpointTableFile.read(text)
    #expect(commit.count == 40, "the table's header names the commit it was read at")
    #expect(rows.count == EndpointTable.endpoints.count, "run scripts/generate-endpoints")
    for (row, endpoint) in zip(rows, EndpointTable.endpoints) {
      let normalized = EndpointNormalizer.endpoint(
        method: row.method, path: row.path, specFile: row.specFile,
        entries: row.scopes.map { ($0.uiName, $0.permission, $0.tokenString) })
      let expected = Endpoint(
        normalized.method, normalized.template, normalized.specFile, normalized.requirement, note: row.note)
      guard expected == endpoint else {
        let message =
          "stale generated row \(row.method) \(row.path): \(expected), note \(row.note); generated \(endpoint)"
        Issue.record("\(message); run scripts/generate-endpoints")
        return
      }
    }
  }
}
