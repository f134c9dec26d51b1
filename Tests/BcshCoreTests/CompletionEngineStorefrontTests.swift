import BcshShell
import Testing

/// Tab after `token mint` and `token revoke`: kinds, GraphQL scopes, the tokens that can mint.
@Suite struct CompletionEngineStorefrontTests {
  private let session = """
    token new minter-acct; path set abc123; token set access-token 0123456789abcdefghij0123456789a
    token new no-secret-yet; path set abc123
    token new account-wide --account

    """

  @Test func kindsAndScopesCompleteFromTheirClosedSets() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("token mint tok1 --kind ") == ["storefront", "private", "impersonation"])
    #expect(harness.insertions("token mint tok1 --kind p") == ["private"])
    #expect(harness.insertions("token mint tok1 --scope ") == ["Unauthenticated", "Customer", "B2B"])
    #expect(harness.insertions("token mint tok1 --scope=C") == ["--scope=Customer"])
  }

  @Test func fromOffersOnlyStoreLevelTokensWithAnAccessToken() async {
    let harness = await CompletionHarness(session)
    #expect(harness.insertions("token mint tok1 --from ") == ["minter-acct"])
    #expect(harness.insertions("token revoke tok1 --with ") == ["minter-acct"])
    // No storefront token yet: only the option is left to offer.
    #expect(harness.insertions("token revoke ") == ["--with"])
  }

  @Test func everyOptionOfMintIsOffered() async {
    let harness = await CompletionHarness(session)
    #expect(
      harness.insertions("token mint tok1 --")
        == ["--from", "--kind", "--channel", "--expires", "--origin", "--scope"])
    // Without the network there are no channels to offer.
    #expect(harness.insertions("token mint tok1 --from minter-acct --channel ") == [])
  }
}
