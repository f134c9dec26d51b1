import Foundation
import Testing

/// The scripts in examples/ run as their comments say.
@Suite struct ExampleTests {
  @Test func migrationToBigCommerce() throws {
    let bcsh = Bcsh()
    let result = try bcsh.run([Bcsh.examples + "/migration-to-bigcommerce.bcsh", "STORE=abc123"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Name: cart-migration"))
    #expect(result.stdout.contains("Channel Listings             modify"))
    #expect(bcsh.mode("migration.bcsh.json") == 0o600)
    let missing = try bcsh.run([Bcsh.examples + "/migration-to-bigcommerce.bcsh"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("error: STORE: pass STORE=your-store-hash"))
  }

  @Test func accountLevel() throws {
    let bcsh = Bcsh()
    let result = try bcsh.run([
      Bcsh.examples + "/account-level.bcsh", "ACCOUNT=3c3c6d21-4f0e-4d62-9b36-5ef0a3f1a1b2",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Account-level API accounts"))
    #expect(result.stdout.contains("Account Users                tick: read-only"))
    #expect(bcsh.exists("account.bcsh.json"))
  }

  @Test func readOnlyAuditDryRun() throws {
    let bcsh = Bcsh()
    let result = try bcsh.run(
      ["--dry-run", Bcsh.examples + "/read-only-audit.bcsh", "STORE=abc123"],
      environment: ["BC_ACCESS_TOKEN": Sample.accessToken])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("store-logs"))
    #expect(!result.stdout.contains("modify"))
    #expect(result.stdout.contains("dry run: nothing was sent"))
    #expect(!bcsh.exists("audit.bcsh.json"))
  }
}
