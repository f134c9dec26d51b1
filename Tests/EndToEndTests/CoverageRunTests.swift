import Foundation
import Testing

/// `verify --for PRESET|FILE` through the real binary against the sandbox: the coverage verdict,
/// what is missing, the account to create, and exit 1 when something is missing.
@Suite struct CoverageRunTests {
  private static let readOnlyToken =
    "path set $SANDBOX_STORE_HASH; token set access-token --env SANDBOX_READONLY_ACCESS_TOKEN\n"

  @Test func aPresetThatNeedsMoreThanTheTokenHasExitsOne() throws {
    let result = try Bcsh().run([
      "--sandbox", "-c",
      "token new stencil-check; scope preset stencil-dev; " + Self.readOnlyToken
        + "verify --for stencil-publish; echo not reached",
    ])
    #expect(result.status == 1, "\(result.stderr)")
    // The result leads with the coverage verdict, never "ok" before a missing scope.
    #expect(!result.stdout.contains("result: ok"))
    #expect(
      result.prose.contains(
        "coverage  missing  'stencil-check' lacks 1 of what preset stencil-publish needs"))
    #expect(result.stdout.contains("Themes                  modify     declared read-only, needs modify"))
    let tail = try #require(result.prose.components(separatedBy: "coverage  missing").last)
    #expect(
      tail.contains(
        "result: problem — 'stencil-check' cannot run preset stencil-publish: it lacks 1 of the 4 scopes it needs"
      ))
    #expect(
      tail.contains(
        "a new API account for preset stencil-publish needs: information-settings=read-only themes=modify "
          + "sites-routes=read-only channel-settings=read-only"))
    #expect(tail.contains("token new NAME; scope preset stencil-publish; token checklist"))
    #expect(!result.stdout.contains("not reached"))
    #expect(!result.stderr.contains("error:"))
  }

  @Test func aFileOfRequestsTheTokenCoversPasses() throws {
    let bcsh = Bcsh()
    bcsh.write(
      "calls.txt", "GET /v3/catalog/products?limit=5\nGET /stores/x/v2/orders/7 HTTP/1.1\nGET /v3/hooks\n")
    let result = try bcsh.run([
      "--sandbox", "-c",
      "token new orders-check; scope add products=read-only orders=read-only; " + Self.readOnlyToken
        + "verify --for calls.txt",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("coverage  ok       'orders-check' can run calls.txt"))
    #expect(result.stdout.contains("    Orders    read-only  granted\n    Products  read-only  granted\n"))
  }

  @Test func anUndeclaredScopeIsMissingAndAnUnknownRequestFailsBeforeSending() throws {
    let bcsh = Bcsh()
    bcsh.write("calls.txt", "POST /v3/catalog/products\n")
    bcsh.write("bad.txt", "GET /v3/catalog/products\nGET /v3/catalogue/products\n")
    let missing = try bcsh.run([
      "--sandbox", "--json", "-c",
      "token new json-check; scope add orders=read-only; " + Self.readOnlyToken + "verify --for calls.txt",
    ])
    #expect(missing.status == 1, "\(missing.stderr)")
    #expect(missing.stdout.contains("\"complete\": false"))
    #expect(missing.stdout.contains("\"detail\": \"not declared\""))
    let bad = try bcsh.run([
      "--sandbox", "-c", "token new bad-check; " + Self.readOnlyToken + "verify --for bad.txt",
    ])
    #expect(bad.status == 2)
    #expect(
      bad.stderr.contains("bad.txt:2:1: error: no BigCommerce endpoint matches 'GET /v3/catalogue/products'"))
    #expect(!bad.stdout.contains("liveness"))
  }
}
