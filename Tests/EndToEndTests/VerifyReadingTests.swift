import Foundation
import Testing

/// What verify and the checklist say where the earlier wording misled: account-level scopes,
/// read-only scopes with no read endpoint, and a token that declares nothing.
@Suite struct VerifyReadingTests {
  @Test func anAccountLevelVerifySaysWhyItsScopesAreNotProbed() throws {
    let result = try Bcsh().run([
      "--sandbox", "-c",
      "token new acct-check --account; scope add account-users; path set $SANDBOX_ACCOUNT_UUID\n"
        + "token set access-token --env SANDBOX_ACCOUNT_ACCESS_TOKEN; verify",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("not probeable"))
    #expect(
      result.prose.contains(
        "scopes    skipped  3 declared boxes not probed: the account API allows 70 requests an hour"))
    #expect(result.prose.contains("result: ok — the token works; its 3 declared scopes are not probed"))
  }

  @Test func readOnlyScopesWithoutAReadEndpointAreNotCalledWrites() throws {
    let result = try Bcsh().run([
      "--sandbox", "-c",
      "token new ro-all; path set $SANDBOX_STORE_HASH; scope add products=read-only translations=read-only\n"
        + "token set access-token --env SANDBOX_FULL_ACCESS_TOKEN; verify",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    // Piped, the report is whole at the end: no counting line, no escape sequence.
    #expect(!result.stdout.contains("probing"))
    #expect(!result.stdout.contains("\u{1B}"))
    #expect(!result.stdout.contains("without writing"))
    #expect(
      result.prose.contains(
        "result: ok — the token works; 1 of 2 declared scopes confirmed, 1 not probeable (no read endpoint)"))
  }

  @Test func aChecklistForATokenWithoutScopesIsRefused() throws {
    let result = try Bcsh().run(["-c", "token new empty-one; token checklist"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("error: 'empty-one' declares no scopes yet"))
    #expect(result.stderr.contains("hint: declare what the job needs first"))
    #expect(!result.stdout.contains("Sign in"))
  }

  @Test func theAccountChecklistLeavesOutWhatOnlyStoresHave() throws {
    let result = try Bcsh().run([
      "-c", "token new acct-admin --account; scope add account-users; token checklist",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("webhooks"))
    #expect(!result.stdout.contains("metafields"))
  }
}
