import Foundation
import Testing

/// The README's "against a real store" flow, run exactly as printed against the sandbox.
@Suite struct ReadmeFlowTests {
  /// The commands between the README's `NAME` markers.
  private static func flow(_ name: String = "import-flow") throws -> String {
    let readme = try String(
      contentsOf: Bcsh.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let start = try #require(readme.range(of: "<!-- \(name) -->\n```sh\n"))
    let end = try #require(
      readme.range(of: "```\n<!-- /\(name) -->", range: start.upperBound..<readme.endIndex))
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

  /// The "Headless storefront" walk-through: mint a private token for a server and a storefront
  /// token for a browser, verify both, save, revoke the browser's.
  @Test func theHeadlessWalkThroughMintsVerifiesSavesAndRevokes() throws {
    let bcsh = Bcsh()
    let script = try Self.flow("headless-flow")
    #expect(script.contains("token mint catalyst-server"))
    bcsh.write("headless.bcsh", script)
    try FileManager.default.createDirectory(atPath: bcsh.path("examples"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: Bcsh.examples + "/storefront-minter.txt", toPath: bcsh.path("examples/storefront-minter.txt"))
    let result = try bcsh.run(["--sandbox", "headless.bcsh"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("minted private token 'catalyst-server' with 'storefront-minter'"))
    #expect(result.stdout.contains("minted storefront token 'catalyst-browser' with 'storefront-minter'"))
    #expect(result.stdout.contains("result: ok — the private token answers the storefront's GraphQL query"))
    #expect(
      result.stdout.contains("result: ok — the storefront token answers the storefront's GraphQL query"))
    #expect(result.stdout.contains("revoked 'catalyst-browser'"))
    #expect(result.stdout.contains("revoked 20"))
    #expect(
      result.stderr.contains("warning: storefront tokens created after 2026-06-30 work from browsers only"))
    // No minted token (a JWT: it starts with eyJ) in anything printed; the session file holds them,
    // 0600, with what bcsh recorded.
    #expect(!(result.stdout + result.stderr).contains("eyJ"))
    #expect(bcsh.mode("headless.bcsh.json") == 0o600)
    let saved = try #require(bcsh.read("headless.bcsh.json"))
    #expect(saved.contains("\"minted_from\" : \"storefront-minter\""))
    #expect(saved.contains("eyJ"))

    // It reopens: the tokens, their kinds and expiry come back.
    let reopened = try bcsh.run(["-s", "headless.bcsh.json", "-c", "token list; token show catalyst-server"])
    #expect(reopened.status == 0, "\(reopened.stderr)")
    #expect(reopened.stdout.contains("private (GraphQL Storefront API)"))
    #expect(reopened.stdout.contains("Unauthenticated"))
    #expect(!(reopened.stdout + reopened.stderr).contains("eyJ"))
  }

  /// "Use the credentials": export for each tool, import the Catalyst file back, verify it.
  @Test func theExportFlowWritesEachToolsFilesAndReadsThemBack() throws {
    let bcsh = Bcsh()
    let script = try Self.flow("export-flow")
    #expect(script.contains("export cart-migration --for catalyst --storefront catalyst-storefront"))
    bcsh.write("flow.bcsh", script)
    try FileManager.default.createDirectory(atPath: bcsh.path("examples"), withIntermediateDirectories: true)
    for file in ["cart-migration.txt", "storefront-minter.txt"] {
      try FileManager.default.copyItem(
        atPath: Bcsh.examples + "/" + file, toPath: bcsh.path("examples/" + file))
    }
    let result = try bcsh.run(["--sandbox", "flow.bcsh"])
    #expect(result.status == 0, "\(result.stderr)")
    for file in [".env.local", "config.stencil.json", "secrets.stencil.json", ".env"] {
      #expect(bcsh.mode(file) == 0o600, "\(file)")
    }
    #expect(result.stdout.contains(".env.local (mode 0600): BIGCOMMERCE_STORE_HASH"))
    // Catalyst's storefront token and channel come from the minted private token.
    let env = try #require(bcsh.read(".env.local"))
    #expect(env.contains("BIGCOMMERCE_CHANNEL_ID=1\n"))
    #expect(env.contains("BIGCOMMERCE_STOREFRONT_TOKEN=eyJ"))
    #expect(!(result.stdout + result.stderr).contains("eyJ"))
    #expect(result.stdout.contains("imported store-level token 'from-catalyst'"))
    #expect(result.stdout.contains("result: ok — the token works"))
    #expect(!result.stdout.contains("9x4u9hh6ensyzjkzxr1bwx6de829895"))
    #expect(!result.stderr.contains("9x4u9hh6ensyzjkzxr1bwx6de829895"))
  }
}
