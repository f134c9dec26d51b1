import Foundation
import Testing

/// The README's "against a real store" flow, run exactly as printed against the sandbox.
@Suite struct ReadmeFlowTests {
  /// The commands between the README's `import-flow` (or `marker`) markers.
  private static func flow(_ marker: String = "import-flow") throws -> String {
    let readme = try String(
      contentsOf: Bcsh.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let start = try #require(readme.range(of: "<!-- \(marker) -->\n```sh\n"))
    let end = try #require(
      readme.range(of: "```\n<!-- /\(marker) -->", range: start.upperBound..<readme.endIndex))
    return String(readme[start.upperBound..<end.lowerBound])
  }

  @Test func theImportThenVerifyFlowVerifiesTheDeclaredScopes() throws {
    let bcsh = Bcsh()
    let script = try Self.flow()
    #expect(script.contains("token import examples/cart-migration.txt"))
    bcsh.write("flow.bcsh", script)
    try FileManager.default.createDirectory(atPath: bcsh.path("examples"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: Bcsh.examples + "/cart-migration.txt", toPath: bcsh.path("examples/cart-migration.txt"))
    let result = try bcsh.run(["--sandbox", "flow.bcsh"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("filled the credentials of 'cart-migration'"))
    #expect(result.stdout.contains("(8 declared scopes kept)"))
    #expect(result.stdout.contains("result: ok — the token works and holds all 8 declared scopes"))
    #expect(result.stdout.contains("requests go to http://127.0.0.1:"))
    #expect(bcsh.mode("cart-migration.bcsh.json") == 0o600)
    #expect(!result.stdout.contains("9x4u9hh6ensyzjkzxr1bwx6de829895"))
  }

  /// "Use the credentials": export for each tool, import the Catalyst file back, verify it.
  @Test func theExportFlowWritesEachToolsFilesAndReadsThemBack() throws {
    let bcsh = Bcsh()
    let script = try Self.flow("export-flow")
    #expect(script.contains("export cart-migration --for catalyst"))
    bcsh.write("flow.bcsh", script)
    try FileManager.default.createDirectory(atPath: bcsh.path("examples"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: Bcsh.examples + "/cart-migration.txt", toPath: bcsh.path("examples/cart-migration.txt"))
    let result = try bcsh.run(["--sandbox", "flow.bcsh"])
    #expect(result.status == 0, "\(result.stderr)")
    for file in [".env.local", "config.stencil.json", "secrets.stencil.json", ".env"] {
      #expect(bcsh.mode(file) == 0o600, "\(file)")
    }
    #expect(result.stdout.contains(".env.local (mode 0600): BIGCOMMERCE_STORE_HASH"))
    #expect(result.stdout.contains("imported store-level token 'from-catalyst'"))
    #expect(result.stdout.contains("result: ok — the token works"))
    #expect(!result.stdout.contains("9x4u9hh6ensyzjkzxr1bwx6de829895"))
    #expect(!result.stderr.contains("9x4u9hh6ensyzjkzxr1bwx6de829895"))
  }
}
