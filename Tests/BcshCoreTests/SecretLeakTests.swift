import Foundation
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// Issue 10, rows 6 to 10: every path by which a secret reached output, traces, `--json`, errors
/// or the history.
@Suite struct SecretLeakTests {
  /// Every 8-character run of `secret` that occurs in `text`, compared byte for byte (a
  /// Character search would miss one followed by a combining mark).
  func leaks(of secret: String, in text: String) -> [String] {
    let characters = Array(secret.unicodeScalars)
    let runs =
      characters.count < 8
      ? [secret]
      : (0...(characters.count - 8)).map { String(String.UnicodeScalarView(characters[$0..<($0 + 8)])) }
    return runs.filter { SecretMasking.occurs(in: text, secrets: [$0]) }
  }

  @Test func aCombiningMarkAfterASecretDoesNotHideIt() async {
    let combined = Sample.accessToken + "\u{301}"
    for trace in [false, true] {
      for json in [false, true] {
        var options = ShellOptions()
        options.trace = trace
        let t = TestShell(
          options: options, json: json, environment: ["AT": Sample.accessToken, "V": combined])
        await t.run("token new leaktest; token set access-token --env AT; echo $V; set W $V; set")
        #expect(leaks(of: Sample.accessToken, in: t.output.output + t.output.error).isEmpty)
        #expect(SecretMasking.occurs(in: t.output.output, secrets: ["****" + Sample.accessToken.suffix(4)]))
      }
    }
  }

  @Test func secretsAreMaskedBeforeJSONEscapesThem() async {
    // JSON may escape `/`; quotes and backslashes are refused at the door (issue 22 item 4).
    let secret = #"zqab/cd<ef>gh&ijk>lmnopqrstuwxyz"#
    let t = TestShell(json: true, environment: ["Q": secret])
    await t.run("token new leaktest; token set access-token --env Q; set V $Q; set")
    let output = t.output.output + t.output.error
    #expect(!output.contains("zqab"))
    #expect(!output.contains("lmnopqrs"))
    #expect(output.contains(#""V": "****wxyz""#))
    #expect(SecretMasking.mask(JSONValue.string(#"a"b\c"#), secrets: [#""b\"#]) == .string("a****c"))
  }

  /// Issue 22 item 10: a secret too short to mask without masking pieces of other words is
  /// refused, and nothing is masked on its account.
  @Test func aShortSecretIsRefusedAndMasksNothing() async {
    var options = ShellOptions()
    options.trace = true
    let t = TestShell(options: options, environment: ["S": "abc1234"])
    #expect(await t.run("token new leaktest; token set access-token --env S") == .commandFailed)
    await t.run("echo $S")
    #expect(t.output.output == "created store-level token 'leaktest'\nabc1234\n")
    #expect(t.output.error.contains("the access-token is 7 characters long"))
  }

  @Test func errorsNeverQuoteAWordThatMayBeASecret() async {
    let secret = Sample.clientSecret
    let split = secret.index(secret.startIndex, offsetBy: 40)
    for line in [
      "token set client-secret \(secret[..<split]) \(secret[split...])",
      "token set access-token=\(Sample.accessToken)",
      "\(Sample.accessToken)",
      "token \(Sample.accessToken)",
      "scope add products --\(Sample.accessToken)",
    ] {
      let t = TestShell()
      await t.run("token new leaktest")
      #expect(await t.run(line) == .commandFailed, "\(line)")
      #expect(leaks(of: secret, in: t.output.error).isEmpty, "\(t.output.error)")
      #expect(leaks(of: Sample.accessToken, in: t.output.error).isEmpty, "\(t.output.error)")
      #expect(t.output.error.contains("not shown: they may be a secret"), "\(t.output.error)")
    }
  }

  @Test func wordsThatAreNotSecretsAreStillQuoted() async {
    let t = TestShell()
    await t.run("token new leaktest")
    await t.run("token set acess-token x")
    await t.run("token use leaktest extra")
    #expect(t.output.error.contains("unknown field 'acess-token'"))
    #expect(t.output.error.contains("unexpected argument 'extra'"))
  }

  @Test func aMistypedCommandWithASecretStaysOutOfTheHistory() async {
    let shell = TestShell().shell
    #expect(shell.isSensitive(line: "tokn set access-token \(Sample.accessToken)"))
    #expect(shell.isSensitive(line: "tokn set acess-token short"))
    #expect(shell.isSensitive(line: "tkn st \(Sample.clientSecret)"))
    #expect(shell.isSensitive(line: "token set access-token=\(Sample.accessToken)"))
    #expect(shell.isSensitive(line: "echo \(Sample.clientSecret)"))
    #expect(!shell.isSensitive(line: "tokn list"))
    #expect(!shell.isSensitive(line: "scop add store_v2_products_read_only"))
  }

  @Test func maskingWorksOnBytes() {
    let secret = "s3cr3t-valu3-zz"
    #expect(SecretMasking.mask("a\(secret)\u{301}b", secrets: [secret]) == "a****3-zz\u{301}b")
    #expect(SecretMasking.mask("\u{1F600}\(secret)", secrets: [secret]) == "\u{1F600}****3-zz")
    #expect(SecretMasking.mask("xyz", secrets: ["xyz", "xyzw"]) == "****")
    #expect(SecretMasking.mask("no secret here", secrets: ["absent1"]) == "no secret here")
    #expect(SecretMasking.occurs(in: "é" + secret, secrets: [secret]))
  }
}
