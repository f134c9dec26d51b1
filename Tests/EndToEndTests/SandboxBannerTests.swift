import Foundation
import Testing

/// Issue 21, items 11 and 12: `bcsh --sandbox` says in a few lines where the sandbox is; its demo
/// values are session variables that `set` lists; `sandbox show` lists the rest, secrets masked.
@Suite struct SandboxBannerTests {
  static let migrationToken = "9x4u9hh6ensyzjkzxr1bwx6de829895"
  static let migrationSecret = "cb90312fec64233035c1fdf47c8f026782561587c6f37c6cc4b832f7deff5083"

  @Test func theBannerIsAFewLinesThatFitAnyTerminal() throws {
    let result = try Bcsh().run(["--sandbox", "-c", "echo ok"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count <= 4, "\(result.stderr)")
    #expect(lines.allSatisfy { $0.count <= 80 }, "\(result.stderr)")
    #expect(result.stderr.contains("sbxdemo001"))
    #expect(result.stderr.contains("'sandbox show'"))
    #expect(!result.stderr.contains(Self.migrationToken))
  }

  @Test func setListsTheSandboxVariablesWithTheirSecretsMasked() throws {
    let result = try Bcsh().run(["--sandbox", "-c", "set"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("SANDBOX_STORE_HASH=sbxdemo001\n"))
    // A client ID is no secret, but it has an access token's shape: `set` masks what may be one.
    #expect(result.stdout.contains("SANDBOX_MIGRATION_CLIENT_ID=****t0df\n"))
    #expect(result.stdout.contains("SANDBOX_MIGRATION_ACCESS_TOKEN=****9895\n"))
    #expect(result.stdout.contains("SANDBOX_MIGRATION_CLIENT_SECRET=****5083\n"))
    #expect(!result.stdout.contains(Self.migrationToken) && !result.stdout.contains(Self.migrationSecret))
  }

  @Test func sandboxShowListsTheTokensMaskedUnlessRevealed() throws {
    let bcsh = Bcsh()
    let masked = try bcsh.run(["--sandbox", "-c", "sandbox show"])
    #expect(masked.status == 0, "\(masked.stderr)")
    #expect(masked.stdout.contains("  migration  (store sbxdemo001)"))
    #expect(masked.stdout.contains("access token   ****9895"))
    #expect(masked.stdout.contains("store_v2_products"))
    #expect(!masked.stdout.contains(Self.migrationToken) && !masked.stdout.contains(Self.migrationSecret))
    #expect(masked.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    let revealed = try bcsh.run(["--sandbox", "-c", "sandbox show --reveal"])
    #expect(revealed.stdout.contains("access token   " + Self.migrationToken))
    let json = try bcsh.run(["--sandbox", "--json", "-c", "sandbox show"])
    #expect(json.stdout.contains("\"access_token\": \"****9895\""))
    let none = try bcsh.run(["-c", "sandbox show"])
    #expect(none.status == 2)
    #expect(none.stderr.contains("error: no sandbox runs in this session"))
  }
}
