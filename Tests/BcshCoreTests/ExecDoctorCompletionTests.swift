import BcshShell
import Testing

/// Tab in the shell for `exec` and `doctor`: their words, options, tools and token names.
@Suite struct ExecDoctorCompletionTests {
  @Test func execCompletesTokensOptionsAndTools() async {
    let harness = await CompletionHarness("token new catalyst-dev; token new storefront-web")
    #expect(harness.insertions("exe") == ["exec"])
    #expect(harness.insertions("exec cat") == ["catalyst-dev"])
    #expect(harness.insertions("exec catalyst-dev --") == ["--for", "--storefront", "--env-file"])
    #expect(harness.insertions("exec catalyst-dev --for ") == ["catalyst", "bigcommerce", "stencil"])
    #expect(harness.insertions("exec catalyst-dev --storefront sto") == ["storefront-web"])
  }

  @Test func doctorCompletesItsWordAndOption() async {
    let harness = await CompletionHarness()
    #expect(harness.insertions("doc") == ["doctor"])
    #expect(harness.insertions("doctor --") == ["--verify"])
  }
}
