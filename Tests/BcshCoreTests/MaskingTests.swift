import Foundation
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// Issue 22 items 7 and 14, issue 21 items 6 and 7: what is masked (what the session holds, from
/// the moment it is read, every overlap whole) and how words that may be secrets are echoed.
@Suite struct MaskingTests {
  static let other = "zz9y8x7w6v5u4t3s2r1q0p9o8n7m6l5"
  static let secretShaped = "q8w7e6r5t4y3u2i1o0p9a8s7d6f5g4h"

  // MARK: What the session holds (issue 21 item 7)

  @Test func aReplacedOrRemovedSecretIsNoLongerMasked() async {
    let t = TestShell(environment: ["A": Sample.accessToken, "B": Self.other])
    await t.run("token new abcd; token set access-token --env A; token set access-token --env B; echo $A")
    #expect(t.output.output.hasSuffix("\(Sample.accessToken)\n"))
    await t.run("echo $B")
    #expect(t.output.output.hasSuffix(Secret.mask(Self.other) + "\n"))
    await t.run("token new efgh; token set access-token --env B; token rm abcd; echo $B")
    #expect(t.output.output.hasSuffix(Secret.mask(Self.other) + "\n"), "efgh still holds it")
    await t.run("token rm efgh; echo $B")
    #expect(t.output.output.hasSuffix("\(Self.other)\n"))
  }

  @Test func openingAnotherSessionForgetsTheSecretsOfTheFirst() async {
    let t = TestShell(environment: ["A": Sample.accessToken])
    #expect(
      await t.run("token new abcd; path set abc123; save a.json; token set access-token --env A; save b.json")
        == .success)
    #expect(await t.run("open a.json; echo $A") == .success)
    #expect(t.output.output.hasSuffix("\(Sample.accessToken)\n"))
    #expect(await t.run("open b.json; echo $A") == .success)
    #expect(t.output.output.hasSuffix("****p9q8\n"))
  }

  // MARK: Echoes of words that may be secrets (item 7)

  @Test func noErrorQuotesASecretShapedWord() async {
    let s = Self.secretShaped
    let lines = [
      "scope add \(s)", "scope add products=\(s)", "token use \(s)", "token rm \(s)",
      "echo $\(s.uppercased())",
      "echo ${\(s.uppercased())}", "scope need GET /v3/\(s)", "scope need \(s) /v3/catalog/products",
      "verify --timeout \(s)", "exit \(s)", "help \(s)", "echo ${NOPE:?\(s)}", "open \(s).json",
      "source \(s).bcsh", "path set \(s)", "path set https://\(s).example.com",
      "token new abcd; path set stores/\(s)/v3",
      "history \(s)", "unset \(s)", "token set access-token --env \(s.uppercased())", "scope info \(s)",
      "token import \(s).txt", "scope need --file \(s).txt", "verify --for \(s)", "save \(s)/x.json",
    ]
    for line in lines {
      let t = TestShell()
      let status = await t.run(line)
      #expect(status != .success, "\(line)")
      #expect(
        !t.output.error.contains(s) && !t.output.error.contains(s.uppercased()), "\(line): \(t.output.error)")
    }
  }

  @Test func aTraceNeverShowsASecretShapedWordEvenBeforeItIsASecret() async {
    var options = ShellOptions()
    options.trace = true
    let t = TestShell(options: options)
    await t.run("set T \(Sample.accessToken); token new abcd; token set access-token $T")
    #expect(!t.output.error.contains(Sample.accessToken), "\(t.output.error)")
    #expect(t.output.error.contains("+ set T ****p9q8"))
  }

  @Test func anImportMasksTheFileSecretsFromTheMomentItReadsThem() async {
    let t = TestShell()
    // The file's API PATH holds its own access token: the error about it must not show it.
    t.write(
      "creds.txt",
      "ACCESS TOKEN: \(Sample.accessToken)\nCLIENT NAME: abcd\nAPI PATH: https://api.bigcommerce.com/stores/x/\(Sample.accessToken)/v3\n"
    )
    #expect(await t.run("token import creds.txt") == .commandFailed)
    #expect(!t.output.error.contains(Sample.accessToken), "\(t.output.error)")
  }

  // MARK: Secret-shaped values in fields that are not secret (issue 21 item 6)

  @Test func aSecretPastedAsAPathIsRefusedAndNeverShown() async {
    let t = TestShell()
    await t.run("token new abcd")
    for value in [
      Sample.accessToken, Sample.clientSecret, "store-\(Sample.accessToken)", "{\(Sample.accessToken)}",
    ] {
      #expect(await t.run("path set \(value)") == .commandFailed, "\(value)")
    }
    #expect(!t.output.error.contains(Sample.accessToken) && !t.output.error.contains(Sample.clientSecret))
    #expect(t.state.session.token(named: "abcd")?.apiPath == nil)
  }

  @Test func aClientSecretGivenAsClientIDIsWarnedAboutAndMasked() async {
    let t = TestShell(environment: ["CS": Sample.clientSecret])
    #expect(await t.run("token new abcd; token set client-id --env CS; token show; echo $CS") == .success)
    #expect(t.output.error.contains("THIS LOOKS LIKE A CLIENT SECRET"))
    #expect(!(t.output.output + t.output.error).contains(Sample.clientSecret))
    let json = TestShell(json: true, environment: ["CS": Sample.clientSecret])
    await json.run("token new abcd; token set client-id --env CS; token show")
    #expect(!json.output.output.contains(Sample.clientSecret))
  }
}
