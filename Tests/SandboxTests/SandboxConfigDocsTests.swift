import BcshSandbox
import BcshSandboxData
import Foundation
import Testing

/// Issue 21, item 19: the `sandbox serve --config` format is documented, in README and the manual,
/// with an example that loads.
@Suite struct SandboxConfigDocsTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func text(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
  }

  @Test func theDocumentedExampleLoadsWithEveryPart() throws {
    let path = Self.root.appendingPathComponent("examples/sandbox-config.json").path
    let configuration = try SandboxConfiguration.load(
      json: try String(contentsOfFile: path, encoding: .utf8), from: path)
    #expect(configuration.stores.map(\.hash) == ["mystore01"])
    #expect(configuration.tokens.map(\.name) == ["catalog-sync", "account-reader"])
    #expect(configuration.tokens[1].isAccountLevel)
    #expect(configuration.accounts.count == 1)
    #expect(configuration.quota == 150)
  }

  @Test func readmeShowsTheExampleAsItIs() throws {
    let readme = try Self.text("README.md")
    let example = try Self.text("examples/sandbox-config.json")
    #expect(readme.contains("<!-- sandbox-config -->\n```json\n" + example + "```\n<!-- /sandbox-config -->"))
  }

  /// Every key the loader reads is named in both documents.
  @Test func readmeAndTheManualNameEveryKey() throws {
    let readme = try Self.text("README.md")
    let manual = try Self.text("man/bcsh.1")
    for key in [
      "stores", "tokens", "accounts", "hash", "name", "domain", "secureURL", "planName", "status",
      "accountUUID", "couponCodes", "accessToken", "clientID", "clientSecret", "storeHash", "scopes", "uuid",
      "quota", "windowMilliseconds", "accountQuotaPerHour", "latencyMilliseconds",
    ] {
      #expect(readme.contains("`\(key)`"), "README does not name \(key)")
      #expect(
        manual.contains(".B \(key)") || manual.contains(".BR \(key) "), "the manual does not name \(key)")
    }
  }
}
