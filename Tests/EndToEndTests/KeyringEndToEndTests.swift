import Foundation
import Testing

/// `save --keyring` against a real GNOME Keyring on a private bus, cross-checked with secret-tool.
@Suite(.serialized) struct KeyringEndToEndTests {
  private let prepare =
    "token new cart-migration; path set abc123; token set access-token --env AT; token set client-secret --env CS"
  private let secrets = ["AT": Sample.accessToken, "CS": Sample.clientSecret]

  @Test func secretsGoToTheKeyringAndComeBack() throws {
    let daemon = try KeyringDaemon()
    defer { daemon.stop() }
    let bcsh = Bcsh()
    let env = daemon.environment.merging(secrets) { _, new in new }
    let saved = try bcsh.run(["-c", prepare + "; save s.json --keyring"], environment: env)
    #expect(saved.status == 0, "\(saved.stderr)")
    let file = try #require(bcsh.read("s.json"))
    #expect(!file.contains(Sample.accessToken) && !file.contains(Sample.clientSecret))

    let items = try daemon.searchBcshItems()
    #expect(items.contains("label = bcsh: cart-migration access token (store abc123)"))
    #expect(items.contains("label = bcsh: cart-migration client secret (store abc123)"))
    #expect(items.contains("secret = \(Sample.accessToken)"))
    #expect(items.contains("attribute.field = access-token"))
    #expect(items.contains("attribute.store = abc123"))

    let opened = try bcsh.run(["-s", "s.json", "-c", "token show"], environment: daemon.environment)
    #expect(opened.status == 0, "\(opened.stderr)")
    #expect(opened.stdout.contains("access token:  ****p9q8 (in the keyring)"))
    let json = try bcsh.run(
      ["--json", "-s", "s.json", "-c", "token show --reveal"], environment: daemon.environment)
    #expect(json.stdout.contains("\"access_token\": \"\(Sample.accessToken)\""))
    #expect(json.stdout.contains("\"access_token_kept\": \"keyring\""))

    let renamed = try bcsh.run(
      ["-s", "s.json", "-c", "token rename cart-migration cart-live; save"], environment: daemon.environment)
    #expect(renamed.status == 0, "\(renamed.stderr)")
    let after = try daemon.searchBcshItems()
    #expect(after.contains("bcsh: cart-live access token (store abc123)"))
    #expect(!after.contains("cart-migration"))

    let removed = try bcsh.run(
      ["-s", "s.json", "-c", "token rm cart-live; save"], environment: daemon.environment)
    #expect(removed.status == 0, "\(removed.stderr)")
    #expect(!(try daemon.searchBcshItems()).contains("label = bcsh:"))
  }

  @Test func aLockedCollectionSavesNothing() throws {
    let daemon = try KeyringDaemon()
    defer { daemon.stop() }
    try daemon.lockLoginCollection()
    let bcsh = Bcsh()
    let result = try bcsh.run(
      ["-c", prepare + "; save s.json --keyring"],
      environment: daemon.environment.merging(secrets) { _, new in new })
    #expect(result.status == 2)
    #expect(result.stderr.contains("error: cannot store a secret in the OS keyring"))
    #expect(result.stderr.contains("nothing was saved"))
    #expect(result.stderr.contains("save without --keyring"))
    #expect(!bcsh.exists("s.json"))
    #expect(!result.stderr.contains(Sample.accessToken))
  }

  @Test func openingWithALockedCollectionIsAnError() throws {
    let daemon = try KeyringDaemon()
    defer { daemon.stop() }
    let bcsh = Bcsh()
    let saved = try bcsh.run(
      ["-c", prepare + "; save s.json --keyring"],
      environment: daemon.environment.merging(secrets) { _, new in new })
    #expect(saved.status == 0, "\(saved.stderr)")
    try daemon.lockLoginCollection()
    let opened = try bcsh.run(["-s", "s.json", "-c", "token show"], environment: daemon.environment)
    #expect(opened.status == 2)
    #expect(opened.stderr.contains("the collection is locked"))
    #expect(opened.stderr.contains("hint: unlock the keyring"))
  }

  @Test func noSecretServiceOrNoBusIsAClearError() throws {
    let daemon = try KeyringDaemon(withKeyring: false)
    defer { daemon.stop() }
    let bcsh = Bcsh()
    let noService = try bcsh.run(
      ["-c", prepare + "; save s.json --keyring"],
      environment: daemon.environment.merging(secrets) { _, new in new })
    #expect(noService.status == 2)
    #expect(noService.stderr.contains("org.freedesktop.secrets"))
    #expect(noService.stderr.contains("tried the Secret Service"))
    #expect(!bcsh.exists("s.json"))

    let noBus = try bcsh.run(
      ["-c", prepare + "; save s.json --keyring"],
      environment: secrets.merging(["DBUS_SESSION_BUS_ADDRESS": "unix:path=\(bcsh.folder)/no-bus"]) {
        _, new in new
      })
    #expect(noBus.status == 2)
    #expect(noBus.stderr.contains("on the D-Bus session bus at unix:path=\(bcsh.folder)/no-bus"))
    #expect(!bcsh.exists("s.json"))
    // Without --keyring the same save works and keeps the secrets in the 0600 file.
    let plain = try bcsh.run(["-c", prepare + "; save s.json"], environment: secrets)
    #expect(plain.status == 0 && bcsh.mode("s.json") == 0o600)
  }
}
