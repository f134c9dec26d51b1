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
    // The first save's items stay: a copy of that file may still list them (issue 22, item 9).
    #expect(after.contains("bcsh: cart-migration access token (store abc123)"))

    let removed = try bcsh.run(
      ["-s", "s.json", "-c", "token rm cart-live; save"], environment: daemon.environment)
    #expect(removed.status == 0, "\(removed.stderr)")
  }

  /// `bcsh exec` on a session whose secrets live in the keyring: the program gets them, the file
  /// and bcsh's output never hold them.
  @Test func execHandsOverSecretsFromTheKeyring() throws {
    let daemon = try KeyringDaemon()
    defer { daemon.stop() }
    let bcsh = Bcsh()
    let env = daemon.environment.merging(secrets) { _, new in new }
    #expect(try bcsh.run(["-c", prepare + "; save s.json --keyring"], environment: env).status == 0)
    let ran = try bcsh.run(
      ["exec", "-s", "s.json", "cart-migration", "--", "/usr/bin/env"], environment: daemon.environment)
    #expect(ran.status == 0, "\(ran.stderr)")
    #expect(ran.stdout.contains("BIGCOMMERCE_ACCESS_TOKEN=\(Sample.accessToken)\n"))
    #expect(ran.stdout.contains("BIGCOMMERCE_CLIENT_SECRET=\(Sample.clientSecret)\n"))
    #expect(!ran.stderr.contains(Sample.accessToken))
    let file = try #require(bcsh.read("s.json"))
    #expect(!file.contains(Sample.accessToken))
  }

  /// Issue 22, item 9, as it was found: `cp a.json b.json`, change and save b.json, and a.json
  /// had lost its secrets (a warning, status 0). Now each copy keeps its own; a secret really
  /// missing is status 2, with `status` naming it.
  @Test func savingACopyKeepsTheOriginalsSecrets() throws {
    let daemon = try KeyringDaemon()
    defer { daemon.stop() }
    let bcsh = Bcsh()
    let env = daemon.environment.merging(secrets) { _, new in new }
    #expect(try bcsh.run(["-c", prepare + "; save a.json --keyring"], environment: env).status == 0)
    try FileManager.default.copyItem(atPath: bcsh.path("a.json"), toPath: bcsh.path("b.json"))
    let changed = try bcsh.run(
      ["-s", "b.json", "-c", "token set client-secret --env AT; scope add products; save"], environment: env)
    #expect(changed.status == 0, "\(changed.stderr)")
    let original = try bcsh.run(
      ["--json", "-s", "a.json", "-c", "token show --reveal"], environment: daemon.environment)
    #expect(original.status == 0, "\(original.stderr)")
    #expect(original.stderr.isEmpty, "\(original.stderr)")
    #expect(original.stdout.contains("\"access_token\": \"\(Sample.accessToken)\""))
    #expect(original.stdout.contains("\"client_secret\": \"\(Sample.clientSecret)\""))

    // A secret removed outside bcsh: opening fails, and status says which one.
    try daemon.run("/usr/bin/secret-tool", ["clear", "application", "bcsh", "field", "client-secret"])
    let missing = try bcsh.run(["-s", "a.json", "-c", "status"], environment: daemon.environment)
    #expect(missing.status == 2, "\(missing.stdout)\(missing.stderr)")
    #expect(
      missing.stderr.contains(
        "the keyring no longer holds a secret of a.json: the client-secret of 'cart-migration'"),
      "\(missing.stderr)")
    let shown = try bcsh.run(["--keep-going", "-c", "open a.json; status"], environment: daemon.environment)
    #expect(shown.status == 2)
    #expect(
      shown.stdout.contains("missing secrets: the client-secret of 'cart-migration' (not in the keyring)"),
      "\(shown.stdout)")
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
