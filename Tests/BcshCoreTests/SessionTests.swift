import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// The session keeps its tokens in a persistent tree, with the current token's latest changes held
/// beside it until another token becomes current: every way of reading it must see one session.
@Suite struct SessionTests {
  private func session(_ names: [String]) throws -> Session {
    var session = Session()
    for name in names { try session.add(Token(name: name, kind: .store)) }
    return session
  }

  @Test func changesToTheCurrentTokenReadBackEveryWay() throws {
    var session = try session(["first", "second", "third"])
    try session.update("third") { $0.clientID = "client-id-number-3" }
    try session.update("first") { $0.clientID = "client-id-number-1" }
    #expect(session.current?.clientID == "client-id-number-3")
    #expect(session.token(named: "third")?.clientID == "client-id-number-3")
    #expect(session.tokens.map(\.clientID) == ["client-id-number-1", nil, "client-id-number-3"])
    #expect(try session.require("third").clientID == "client-id-number-3")

    // Equal to the same tokens built without a pending change, and to its own file form.
    var plain = try self.session(["first", "second", "third"])
    try plain.update("first") { $0.clientID = "client-id-number-1" }
    try plain.use("first")
    try plain.update("third") { $0.clientID = "client-id-number-3" }
    try plain.use("third")
    #expect(session == plain)
    let decoded = try SessionFile.parse(SessionFile.rendered(session), source: "s.json")
    #expect(decoded == session)
    #expect(decoded.current?.clientID == "client-id-number-3")
  }

  @Test func changesSurviveSwitchingRenamingAndRemoving() throws {
    var session = try session(["first", "second"])
    try session.update("second") { $0.clientID = "kept" }
    try session.use("first")
    #expect(session.token(named: "second")?.clientID == "kept")
    try session.use("second")
    try session.update("second") { $0.clientID = "renamed-too" }
    try session.rename("second", to: "again")
    #expect(session.current?.name == "again" && session.current?.clientID == "renamed-too")
    try session.update("again") { $0.clientID = "then-removed" }
    try session.remove("again")
    #expect(session.tokens.map(\.name) == ["first"] && session.currentName == "first")
    #expect(session != (try self.session(["first", "second"])))
  }
}

@Suite struct SessionStorefrontTests {
  @Test func renamingTheMintingAccountRenamesItInItsStorefrontTokens() throws {
    var session = Session()
    try session.add(Token(name: "minter-acct", kind: .store))
    var minted = Token(name: "server-tok", kind: .store)
    minted.storefront = StorefrontTokenRecord(
      kind: .private, channels: [1], expiresAt: 1_885_635_176, scopes: [.unauthenticated],
      mintedAt: 1_796_428_800, mintedFrom: "minter-acct")
    try session.add(minted)
    try session.rename("minter-acct", to: "minter-2026")
    #expect(session.token(named: "server-tok")?.storefront?.mintedFrom == "minter-2026")
    #expect(session.currentName == "server-tok")
  }

  /// A session file written before storefront tokens existed still loads, and one with them
  /// reads back the same.
  @Test func sessionFilesWithAndWithoutStorefrontTokensLoad() throws {
    let old = """
      {"format": "bcsh-session", "version": 1, "session": {"tokens": [
        {"name": "cart-migration", "kind": "store", "api_path": "abc123", "scopes": []}
      ], "current": "cart-migration"}}
      """
    let session = try SessionFile.parse(old, source: "old.json")
    #expect(session.current?.storefront == nil)
    var withMinted = session
    var minted = Token(name: "browser-tok", kind: .store)
    minted.storefront = StorefrontTokenRecord(
      kind: .storefront, channels: [1, 2], expiresAt: 1_885_635_176, origins: ["https://a.example"],
      mintedAt: 1_796_428_800, mintedFrom: "cart-migration")
    try withMinted.add(minted)
    let text = SessionFile.rendered(withMinted)
    #expect(try SessionFile.parse(text, source: "new.json") == withMinted)
  }
}
