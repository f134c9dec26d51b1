import Foundation
import TestSupport
import Testing

/// `bcsh --sandbox`: the quickstart and verify's outcomes through the real binary and HTTP.
@Suite struct SandboxRunTests {
  @Test func theQuickstartVerifies() throws {
    let bcsh = Bcsh()
    let result = try bcsh.run(["--sandbox", Bcsh.examples + "/quickstart.bcsh"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("result: ok — the token works and holds all 8 declared scopes"))
    #expect(
      result.stderr.contains("bcsh sandbox: a local stand-in for the BigCommerce API at http://127.0.0.1:"))
    #expect(bcsh.mode("quickstart.bcsh.json") == 0o600)
    let token = "9x4u9hh6ensyzjkzxr1bwx6de829895"
    #expect(!result.stdout.contains(token))
    #expect(bcsh.read("quickstart.bcsh.json")?.contains("\"name\" : \"quickstart-migration\"") == true)
    // It verifies before it saves: the saved session holds the verify's result, not "never".
    #expect(bcsh.read("quickstart.bcsh.json")?.contains("\"result\" : \"passed\"") == true)
  }

  @Test func aMissingScopeExitsOneAndSaysWhatToDo() throws {
    let result = try Bcsh().run([
      "--sandbox", "-c",
      "token new partial-check; scope preset migration-to; path set $SANDBOX_STORE_HASH\n"
        + "token set access-token --env SANDBOX_PARTIAL_ACCESS_TOKEN; verify; echo not reached",
    ])
    #expect(result.status == 1)
    #expect(result.stdout.contains("Marketing               modify    403   missing"))
    #expect(
      result.prose.contains(
        "result: problem — the token lacks 2 declared scopes: Marketing (modify), Orders (modify)"))
    #expect(result.stdout.contains("what to do: an existing token never gains scopes"))
    #expect(!result.stdout.contains("not reached"))
    #expect(!result.stderr.contains("error:"))
  }

  @Test func verifyJSONAndTheSavedResult() throws {
    let result = try Bcsh().run([
      "--sandbox", "--json", "-c",
      "token new wrong-store; path set sbxother02; token set access-token --env SANDBOX_MIGRATION_ACCESS_TOKEN\n"
        + "verify --scopes none --timeout 10; token list",
    ])
    #expect(result.status == 1)
    #expect(result.stdout.contains("\"exit_status\": 1"))
    #expect(result.stdout.contains("\"liveness_status\": 403"))
    #expect(result.stdout.contains("do not belong together"))
  }

  @Test func verifyOutcomeShowsInTokenList() throws {
    let result = try Bcsh().run([
      "--sandbox", "--keep-going", "-c",
      "token new listed-token; path set $SANDBOX_STORE_HASH; token set access-token --env SANDBOX_READONLY_ACCESS_TOKEN\n"
        + "scope add products=read-only; verify; token list",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    // At 80 columns (output is not a terminal) the LAST VERIFY column wraps within itself.
    let words = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("passed 20"))
    #expect(words.contains(": the token works and holds its declared scope"))
  }

  @Test func sandboxServeListensOnLoopbackOnly() throws {
    let result = try Bcsh().run(["sandbox", "serve", "--host", "0.0.0.0"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("loopback"))
  }

  @Test func aBusyPortIsARuntimeErrorWithAHint() throws {
    let holder = try SilentListener()
    let port = holder.port
    // The listener lives until bcsh has tried the port (ARC may end it after its last use).
    let result = try withExtendedLifetime(holder) {
      try Bcsh().run(["sandbox", "serve", "--port", String(port)])
    }
    #expect(result.status == 2)
    #expect(result.stderr.contains("cannot start the sandbox: port \(port) on 127.0.0.1 is in use"))
    #expect(result.stderr.contains("hint: choose another with --port, or --port 0 for a free one"))
  }
}
