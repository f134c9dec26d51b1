import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

@Suite struct CredentialsFileTests {
  static let classic = """
    ACCESS TOKEN: \(Sample.accessToken)
    CLIENT NAME: migration-2026
    API PATH: https://api.bigcommerce.com/stores/abc123/v3/
    CLIENT ID: \(Sample.clientID)
    CLIENT SECRET: \(Sample.clientSecret)

    """

  static let newer = """
    ACCESS TOKEN: \(Sample.accessToken)
    CLIENT NAME: migration-2026
    CLIENT ID: \(Sample.clientID)
    CLIENT SECRET: \(Sample.clientSecret)
    NAME: migration-2026
    API PATH: https://api.bigcommerce.com/stores/abc123/v3/

    """

  /// Reordered, CRLF, trailing spaces, lower-case labels, an unknown label, a byte-order mark.
  static let messy =
    "\u{FEFF}api path:   https://api.bigcommerce.com/stores/abc123/v3/  \r\n"
    + "Client Secret: \(Sample.clientSecret)\r\n" + "  \r\n" + "X-UNKNOWN: whatever\r\n"
    + "access_token: \(Sample.accessToken)   \r\n" + "Name: migration-2026\r\n"
    + "client id: \(Sample.clientID)\r\n"

  @Test(arguments: [classic, newer, messy])
  func readsEveryLayout(_ text: String) throws {
    let file = try CredentialsFile.parse(text, source: "creds.txt")
    #expect(file.accessToken == Sample.accessToken)
    #expect(file.clientName == "migration-2026")
    #expect(file.apiPath == "https://api.bigcommerce.com/stores/abc123/v3/")
    #expect(file.clientID == Sample.clientID)
    #expect(file.clientSecret == Sample.clientSecret)
  }

  @Test func writesTheControlPanelLayoutThatReadsBack() throws {
    let file = try CredentialsFile.parse(Self.newer, source: "a.txt")
    let text = file.rendered()
    #expect(text == Self.classic)
    #expect(try CredentialsFile.parse(text, source: "b.txt") == file)
  }

  private func failure(_ text: String) -> BcshError? {
    do {
      _ = try CredentialsFile.parse(text, source: "creds.txt")
      return nil
    } catch {
      return error
    }
  }

  @Test func brokenFilesSayWhatAndWhere() {
    #expect(failure("")?.message == "the file is empty")
    #expect(failure("\n  \n")?.message == "the file is empty")
    let prose = failure(
      "Here are your credentials\nACCESS TOKEN: \(Sample.accessToken)\nthis is not a label line\n")
    #expect(prose?.message == "missing API PATH in the credentials file")
    let blanks = failure("ACCESS TOKEN: abc def\nAPI PATH: abc123\n")
    #expect(blanks?.message == "the ACCESS TOKEN contains blanks or several lines; a credential is one word")
    #expect(blanks?.position == SourcePosition(source: "creds.txt", line: 1, column: 15))
    // The one check every credential passes, as `token set` and session files apply it.
    let control = failure(
      "ACCESS TOKEN: \(Sample.accessToken)\nAPI PATH: abc123\nCLIENT SECRET: ab\u{1B}[2Jcd\n")
    #expect(control?.message == "the CLIENT SECRET contains control characters; a credential is one word")
    #expect(control?.position?.line == 3)
    let long = failure("ACCESS TOKEN: \(String(repeating: "a", count: 1025))\nAPI PATH: abc123\n")
    #expect(long?.message == "the ACCESS TOKEN is longer than 1024 bytes; a credential is one word")
    #expect(
      failure("CLIENT NAME: x\nAPI PATH: abc123\n")?.message == "missing ACCESS TOKEN in the credentials file"
    )
    #expect(
      failure("ACCESS TOKEN: \nCLIENT NAME: x\n")?.message
        == "missing ACCESS TOKEN and API PATH in the credentials file")
    let twice = failure(
      "ACCESS TOKEN: \(Sample.accessToken)\nAPI PATH: abc123\nACCESS TOKEN: \(Sample.clientID)\n")
    #expect(twice?.message == "'ACCESS TOKEN' appears twice with different values (first on line 1)")
    #expect(twice?.position?.line == 3)
  }

  @Test func brokenFileErrorsNeverHoldTheSecret() {
    let error = failure("ACCESS TOKEN: \(Sample.accessToken)\nACCESS TOKEN: other\nAPI PATH: abc123")
    #expect(error != nil)
    #expect(!(error?.description.contains(Sample.accessToken) ?? true))
  }
}
