import Foundation
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// Account-level resources are groups of boxes: Account Users read, write and delete may be
/// ticked together (docs/bigcommerce.md).
@Suite struct AccountScopeTests {
  private let account = "token new acct-admin --account"

  @Test func severalBoxesOfOneResourceStayDeclared() async {
    let t = TestShell()
    #expect(await t.run(account + "; scope add account-users=read-only account-users=write") == .success)
    #expect(t.state.session.current?.levels(of: "account-users") == [.readOnly, .write])
    // Adding a box again changes nothing; adding another keeps the first two.
    #expect(await t.run("scope add account-users=write account-users=delete") == .success)
    #expect(t.state.session.current?.levels(of: "account-users") == [.readOnly, .write, .delete])
    #expect(await t.run("scope rm account-users=write") == .success)
    #expect(t.state.session.current?.levels(of: "account-users") == [.readOnly, .delete])
    #expect(t.output.output.contains("removed account-users=write from 'acct-admin'"))
    #expect(await t.run("scope rm account-users=write") == .commandFailed)
    #expect(t.output.error.contains("'acct-admin' does not declare 'account-users=write'"))
    #expect(t.output.errorCodes.last == .unknownName)
    #expect(await t.run("scope rm account_users_delete") == .success)
    #expect(t.state.session.current?.levels(of: "account-users") == [.readOnly])
    #expect(await t.run("scope rm account-users") == .success)
    #expect(t.state.session.current?.grants.isEmpty == true)
  }

  @Test func aBareResourceTicksEveryBox() async {
    let t = TestShell()
    #expect(await t.run(account + "; scope add account-users account-stores") == .success)
    #expect(
      t.state.session.current?.grants.map { "\($0.scopeID)=\($0.level)" }
        == [
          "account-stores=read-only", "account-users=read-only", "account-users=write",
          "account-users=delete",
        ])
  }

  @Test func storeScopesStillHoldOneLevel() async {
    let t = TestShell()
    #expect(await t.run("token new store-tok; scope add products=read-only products=modify") == .success)
    #expect(t.state.session.current?.levels(of: "products") == [.modify])
  }

  @Test func theDocsNamesAndOrderBillingFirst() {
    #expect(
      ScopeCatalog.scopes(for: .account).map(\.uiName) == [
        "Account Checkouts", "Account Subscriptions", "Charges (app billing)", "Account", "Account Apps",
        "Account Stores", "Account Users",
      ])
    #expect(ScopeCatalog.scopes(for: .account).allSatisfy { $0.choice == .checkboxes })
    #expect(ScopeCatalog.scopes(for: .store).allSatisfy { $0.choice == .dropDown })
  }

  @Test func listChecklistAndVerifyShowEachBox() async {
    let t = TestShell()
    #expect(
      await t.run(
        account + "; path set 5e1d0c0a-7f3b-4a8e-9c2d-1b6f0e4a2c7d; scope add account-users=read-only "
          + "account-users=delete; scope list; token checklist") == .success)
    let out = t.output.output
    #expect(out.contains("account-users  Account Users       read-only  account_users_read"))
    #expect(out.contains("account-users  Account Users       delete     account_users_delete"))
    #expect(out.contains("     Account Users                tick: read-only, delete\n"))
    #expect(out.contains("tick each box below"))
    #expect(out.contains("https://accounts.bigcommerce.com/tokens) and click \"Create API Token\""))
    let offline = Verifier.offlineReport(for: t.state.session.current!, at: Date())
    #expect(offline.diagnosis != nil)
  }

  @Test func sessionFilesKeepEveryBoxAndReadOldIDs() throws {
    var session = Session()
    var token = Token(name: "acct-admin", kind: .account)
    token.grant(ScopeGrant(scopeID: "account-users", level: .readOnly))
    token.grant(ScopeGrant(scopeID: "account-users", level: .write))
    try session.add(token)
    #expect(try SessionFile.parse(SessionFile.rendered(session), source: "s.json") == session)

    let old = #"""
      {"format":"bcsh-session","version":1,"session":{"tokens":[{"name":"abcd","kind":"account",
      "scopes":[{"scope":"app-billing-checkouts","level":"read-only"}]}]}}
      """#
    let read = try SessionFile.parse(old, source: "s.json")
    #expect(read.tokens.first?.grants == [ScopeGrant(scopeID: "account-checkouts", level: .readOnly)])

    let twice = #"""
      {"format":"bcsh-session","version":1,"session":{"tokens":[{"name":"abcd","kind":"account",
      "scopes":[{"scope":"account-users","level":"write"},{"scope":"account-users","level":"write"}]}]}}
      """#
    #expect(throws: BcshError.self) { try SessionFile.parse(twice, source: "s.json") }
  }

  @Test func completionOffersTheBoxesNotYetNamed() async {
    let harness = await CompletionHarness(account + "; scope add account-users=write")
    #expect(
      harness.insertions("scope add account-users=read-only account-users=")
        == ["account-users=write", "account-users=delete"])
    #expect(harness.insertions("scope rm account-users=") == ["account-users=write"])
    #expect(harness.insertions("scope add account-users=read-only account-u").contains("account-users"))
  }
}

/// Tab knows the options issue 8 added.
@Suite struct ImportAndVerifyCompletionTests {
  @Test func intoOffersTokenNamesAndAllIsAnOption() async {
    let harness = await CompletionHarness("token new cart-migration; token new other-one")
    #expect(harness.insertions("token import x.txt --in") == ["--into"])
    #expect(harness.insertions("token import x.txt --into c") == ["cart-migration"])
    #expect(harness.insertions("verify --a") == ["--all"])
  }
}
