import Foundation
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// A keyring held in memory: the `SecretStoring` capability as the Secret Service behaves (items
/// found by attributes, a store replaces an item with the same attributes), so that the core's use
/// of it is tested without D-Bus. The real keyring is tested in EndToEndTests.
final class MemoryKeyring: SecretStoring, @unchecked Sendable {
  struct Item: Equatable {
    var secret: String
    var label: String
    var attributes: [String: String]
  }

  private let lock = NSLock()
  private var stored: [Item] = []
  /// When set, every call fails with this message (a locked collection, no daemon).
  var failure: String?

  var items: [Item] { lock.withLock { stored } }

  private func check() throws(BcshError) {
    if let failure = lock.withLock({ self.failure }) { throw BcshError(failure, code: .keyring) }
  }

  func store(_ secret: String, label: String, attributes: [String: String]) throws(BcshError) {
    try check()
    lock.withLock {
      stored.removeAll { $0.attributes == attributes }
      stored.append(Item(secret: secret, label: label, attributes: attributes))
    }
  }

  func lookup(_ attributes: [String: String]) throws(BcshError) -> String? {
    try check()
    return lock.withLock { stored.first { $0.matches(attributes) }?.secret }
  }

  func search(_ attributes: [String: String]) throws(BcshError) -> [[String: String]] {
    try check()
    return lock.withLock { stored.filter { $0.matches(attributes) }.map(\.attributes) }
  }

  func remove(_ attributes: [String: String]) throws(BcshError) {
    try check()
    lock.withLock { stored.removeAll { $0.matches(attributes) } }
  }
}

extension MemoryKeyring.Item {
  func matches(_ wanted: [String: String]) -> Bool { wanted.allSatisfy { attributes[$0.key] == $0.value } }
}

@Suite struct KeyringTests {
  private func shell(_ keyring: MemoryKeyring) -> TestShell {
    let t = TestShell()
    t.shell.environment.ports.keyring = { keyring }
    return t
  }

  private let prepare = """
    token new cart-migration; path set abc123
    token set access-token --env AT; token set client-secret --env CS
    """

  private func withSecrets(_ t: TestShell) {
    t.shell.environment.variables["AT"] = Sample.accessToken
    t.shell.environment.variables["CS"] = Sample.clientSecret
  }

  @Test func saveKeepsTheSecretsOutOfTheFileAndInTheKeyring() async throws {
    let keyring = MemoryKeyring()
    let t = shell(keyring)
    withSecrets(t)
    #expect(await t.run(prepare + "\nsave s.json --keyring") == .success)
    let text = try #require(t.read("s.json"))
    #expect(!text.contains(Sample.accessToken) && !text.contains(Sample.clientSecret))
    #expect(text.contains("\"keyring\""))
    #expect(TestFiles.mode(t.path("s.json")) == 0o600)
    #expect(
      keyring.items.map(\.label) == [
        "bcsh: cart-migration access token (store abc123)",
        "bcsh: cart-migration client secret (store abc123)",
      ])
    let id = try #require(t.state.file?.keyring?.id)
    let generation = try #require(keyring.items.first?.attributes["generation"])
    #expect(
      keyring.items[0].attributes == [
        "application": "bcsh", "session": id, "generation": generation, "token": "cart-migration",
        "field": "access-token", "store": "abc123",
      ])
    #expect(keyring.items.map(\.secret) == [Sample.accessToken, Sample.clientSecret])
    #expect(t.output.output.contains("saved s.json (session, mode 0600; secrets in the keyring)"))
  }

  @Test func openReadsTheSecretsBackAndLaterSavesKeepThemThere() async throws {
    let keyring = MemoryKeyring()
    let t = shell(keyring)
    withSecrets(t)
    #expect(await t.run(prepare + "\nsave s.json --keyring") == .success)
    let second = shell(keyring)
    #expect(await second.run("open \(t.path("s.json"))") == .success)
    let token = try #require(second.state.session.current)
    #expect(token.accessToken?.revealed == Sample.accessToken)
    #expect(token.clientSecret?.revealed == Sample.clientSecret)
    #expect(!second.state.hasUnsavedChanges)
    // A plain save to the same file keeps the secrets in the keyring.
    #expect(await second.run("token new second-one; token set access-token --env HOME; save") == .success)
    #expect(t.read("s.json")?.contains(second.folder) == false)
    // The new generation holds all three; the first one's two stay, as a copy of the file may
    // list them (issue 22, item 9).
    #expect(keyring.items.count == 5)
    let listed = try #require(second.state.file?.keyring?.generation)
    #expect(keyring.items.filter { $0.attributes["generation"] == listed }.count == 3)
    #expect(await second.run("token show cart-migration; status") == .success)
    #expect(second.output.output.contains("access token:  ****p9q8 (in the keyring)"))
    #expect(second.output.output.contains("secrets kept:    in the OS keyring"))
  }

  /// A minted storefront token's secret goes to the keyring like an access token, and comes back
  /// with what bcsh recorded of it.
  @Test func aMintedStorefrontTokenIsKeptInTheKeyringAndReopens() async throws {
    let keyring = MemoryKeyring()
    let t = shell(keyring)
    let jwt = "eyJhbGciOiJFUzI1NiJ9.eyJjaWQiOlsxXSwiZWF0IjoxODg1NjM1MTc2fQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ"
    var minted = Token(name: "catalyst-server", kind: .store)
    minted.apiPath = .store(hash: "abc123")
    minted.accessToken = Secret(jwt)
    minted.storefront = StorefrontTokenRecord(
      kind: .private, channels: [1], expiresAt: 1_885_635_176, scopes: [.unauthenticated],
      mintedAt: 1_796_428_800, mintedFrom: "storefront-minter")
    var session = Session()
    try session.add(minted)
    try SessionFile.rendered(session).write(toFile: t.path("plain.json"), atomically: true, encoding: .utf8)
    #expect(
      await t.run("open plain.json; save s.json --keyring; token show catalyst-server; token list")
        == .success)
    let text = try #require(t.read("s.json"))
    #expect(!text.contains(jwt))
    #expect(text.contains("\"minted_from\""))
    #expect(keyring.items.map(\.label) == ["bcsh: catalyst-server access token (store abc123)"])
    #expect(keyring.items.map(\.secret) == [jwt])
    #expect(!t.output.output.contains(jwt) && !t.output.error.contains(jwt))

    let second = shell(keyring)
    #expect(await second.run("open \(t.path("s.json"))") == .success)
    let reopened = try #require(second.state.session.token(named: "catalyst-server"))
    #expect(reopened == minted)
    #expect(await second.run("token show catalyst-server") == .success)
    #expect(second.output.output.contains("kind:         private (GraphQL Storefront API)"))
    #expect(second.output.output.contains("(in the keyring)"))
    #expect(!second.output.output.contains(jwt))
  }

  @Test func renameAndRemoveKeepTheKeyringInStepAtTheNextSave() async throws {
    let keyring = MemoryKeyring()
    let t = shell(keyring)
    withSecrets(t)
    #expect(await t.run(prepare + "\nsave s.json --keyring") == .success)
    #expect(await t.run("token rename cart-migration cart-live; save") == .success)
    #expect(Set(keyring.items.map { $0.attributes["token"] }) == ["cart-live"])
    #expect(keyring.items.map(\.label).first == "bcsh: cart-live access token (store abc123)")
    #expect(await t.run("path set zzz999; save") == .success)
    #expect(keyring.items.count == 2)
    #expect(keyring.items.allSatisfy { $0.attributes["store"] == "zzz999" })
    #expect(await t.run("token rm cart-live; save") == .success)
    #expect(keyring.items.isEmpty)
  }

  @Test func aPathSetAfterASaveKeepsTheSecrets() async throws {
    let keyring = MemoryKeyring()
    let t = shell(keyring)
    withSecrets(t)
    #expect(
      await t.run("token new no-path-yet; token set access-token --env AT; save s.json --keyring") == .success
    )
    #expect(await t.run("path set abc123; save") == .success)
    #expect(keyring.items.count == 1)
    #expect(keyring.items.first?.attributes["store"] == "abc123")
    let second = shell(keyring)
    #expect(await second.run("open \(t.path("s.json"))") == .success)
    #expect(second.state.session.current?.accessToken?.revealed == Sample.accessToken)
  }

  @Test func aRefusedSaveLeavesTheKeyringAsTheFileKnowsIt() async throws {
    let keyring = MemoryKeyring()
    let t = shell(keyring)
    withSecrets(t)
    #expect(await t.run(prepare + "\nsave s.json --keyring") == .success)
    let before = keyring.items
    // Someone else changed the file: the save is refused, and the keyring is as before.
    try "{}".write(toFile: t.path("s.json"), atomically: false, encoding: .utf8)
    #expect(await t.run("token set access-token --env CS; save") == .commandFailed)
    #expect(t.output.errorCodes.last == .changedOnDisk)
    #expect(keyring.items == before)
    // A fresh file that exists already is refused too, and leaves no orphan items.
    t.write("other.json", "{}")
    #expect(await t.run("save other.json --keyring") == .commandFailed)
    #expect(keyring.items == before)
  }

  @Test func otherFormatsOnTheOwnFileAndCopiesBehave() async throws {
    let keyring = MemoryKeyring()
    let t = shell(keyring)
    withSecrets(t)
    #expect(await t.run(prepare + "\nsave s.json --keyring") == .success)
    let before = keyring.items
    #expect(await t.run("save s.json --format txt --force") == .success)
    #expect(t.read("s.json")?.hasPrefix("ACCESS TOKEN: ") == true)
    #expect(keyring.items == before)
    // A copy of a keyring session keeps its secrets in the keyring, under its own id.
    let u = shell(keyring)
    withSecrets(u)
    #expect(await u.run(prepare + "\nsave a.json --keyring; save b.json") == .success)
    #expect(u.read("b.json")?.contains(Sample.accessToken) == false)
    #expect(u.output.output.contains("saved b.json (session, mode 0600; secrets in the keyring)"))
    #expect(Set(keyring.items.compactMap { $0.attributes["session"] }).count == 3)
  }

  @Test func anUnreachableKeyringSavesNothing() async throws {
    let keyring = MemoryKeyring()
    keyring.failure = "cannot store a secret in the OS keyring: Cannot create an item in a locked collection"
    let t = shell(keyring)
    withSecrets(t)
    #expect(await t.run(prepare) == .success)
    let before = t.state
    #expect(await t.run("save s.json --keyring") == .commandFailed)
    #expect(t.read("s.json") == nil)
    #expect(t.state == before)
    #expect(t.output.error.contains("locked collection; nothing was saved"))
    #expect(t.output.error.contains("hint: save without --keyring keeps the secrets in the 0600 file"))
    #expect(!t.output.error.contains(Sample.accessToken))
  }

  /// Issue 22, item 9: a secret the file lists and the keyring lost is an error (status 2) that
  /// `status` explains, not a warning that a script never notices.
  @Test func aSecretMissingFromTheKeyringIsAnErrorThatStatusExplains() async throws {
    let keyring = MemoryKeyring()
    let t = shell(keyring)
    withSecrets(t)
    #expect(await t.run(prepare + "\nsave s.json --keyring") == .success)
    try keyring.remove(["field": "client-secret"])
    let second = shell(keyring)
    #expect(await second.run("open \(t.path("s.json"))") == .commandFailed)
    #expect(
      second.output.error.contains(
        "error: the keyring no longer holds a secret of \(t.path("s.json")): the client-secret of 'cart-migration'"
      ),
      "\(second.output.error)")
    #expect(second.output.errorCodes == [.keyring])
    #expect(second.state.session.current?.accessToken?.revealed == Sample.accessToken)
    #expect(second.state.session.current?.clientSecret == nil)
    #expect(await second.run("status") == .success)
    #expect(
      second.output.output.contains(
        "missing secrets: the client-secret of 'cart-migration' (not in the keyring)"),
      "\(second.output.output)")
    keyring.failure = "no Secret Service"
    let third = shell(keyring)
    #expect(await third.run("open \(t.path("s.json"))") == .commandFailed)
    #expect(
      third.output.error.contains(
        "keeps its secrets in the OS keyring, which bcsh cannot read: no Secret Service"))
    #expect(third.output.errorCodes == [.keyring])
  }

  /// Issue 22, item 9: `cp a.json b.json`, then a changed save of either: the other still opens
  /// with all its secrets.
  @Test func copiesOfAKeyringSessionNeverDestroyEachOthersSecrets() async throws {
    let keyring = MemoryKeyring()
    let t = shell(keyring)
    withSecrets(t)
    #expect(await t.run(prepare + "\nsave a.json --keyring") == .success)
    try FileManager.default.copyItem(atPath: t.path("a.json"), toPath: t.path("b.json"))
    try FileManager.default.copyItem(atPath: t.path("a.json"), toPath: t.path("backup.json"))

    // The copy changed and saved, in a session of its own.
    let copy = shell(keyring)
    copy.shell.environment.variables["NEW"] = "n3wt0k3nv4lu3f0rth3c0pyx9y8z7w6"
    #expect(await copy.run("open \(t.path("b.json")); token set access-token --env NEW; save") == .success)
    // The original opens whole, is changed and saved in turn.
    let original = shell(keyring)
    original.shell.environment.variables["OTHER"] = "0th3rt0k3nf0rth30r1g1n4lq1w2e3r4"
    #expect(await original.run("open \(t.path("a.json"))") == .success, "\(original.output.error)")
    #expect(original.state.session.current?.accessToken?.revealed == Sample.accessToken)
    #expect(original.state.session.current?.clientSecret?.revealed == Sample.clientSecret)
    #expect(await original.run("token set access-token --env OTHER; save; save") == .success)
    // Every copy still opens with the secrets it was saved with.
    for (file, accessToken) in [
      ("b.json", "n3wt0k3nv4lu3f0rth3c0pyx9y8z7w6"), ("backup.json", Sample.accessToken),
      ("a.json", "0th3rt0k3nf0rth30r1g1n4lq1w2e3r4"),
    ] {
      let reader = shell(keyring)
      #expect(await reader.run("open \(t.path(file))") == .success, "\(file): \(reader.output.error)")
      #expect(reader.state.session.current?.accessToken?.revealed == accessToken, "\(file)")
      #expect(reader.state.session.current?.clientSecret?.revealed == Sample.clientSecret, "\(file)")
    }
  }

  /// A save that changes no secret stores nothing new: the keyring does not grow with saves.
  @Test func aSaveThatChangesNoSecretStoresNothing() async throws {
    let keyring = MemoryKeyring()
    let t = shell(keyring)
    withSecrets(t)
    #expect(await t.run(prepare + "\nsave s.json --keyring") == .success)
    let before = keyring.items
    let second = shell(keyring)
    #expect(
      await second.run("open \(t.path("s.json")); scope add products; save; token new more; save") == .success
    )
    #expect(keyring.items == before)
  }

  @Test func dryRunAndOtherFormatsTouchNoKeyring() async {
    let keyring = MemoryKeyring()
    let dry = TestShell(
      options: {
        var o = ShellOptions(); o.dryRun = true; return o
      }())
    dry.shell.environment.ports.keyring = { keyring }
    withSecrets(dry)
    #expect(await dry.run(prepare + "\nsave s.json --keyring") == .success)
    #expect(dry.output.output.contains("dry run: would write s.json (session; secrets to the keyring)"))
    #expect(keyring.items.isEmpty && dry.read("s.json") == nil)
    let t = shell(keyring)
    withSecrets(t)
    #expect(await t.run(prepare + "\nsave creds.txt --format txt --keyring") == .commandFailed)
    #expect(t.output.errorCodes.last == .usage)
  }
}
