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
    #expect(failure("")?.code == .invalidFile)
    #expect(failure("\n  \n")?.code == .invalidFile)
    let prose = failure(
      "Here are your credentials\nACCESS TOKEN: \(Sample.accessToken)\nthis is not a label line\n")
    #expect(prose?.code == .invalidFile)
    // The message names what is missing or wrong: the wording is pinned in Golden/error-kinds.txt.
    #expect(prose?.message.contains("API PATH") == true)
    let blanks = failure("ACCESS TOKEN: abc def\nAPI PATH: abc123\n")
    #expect(blanks?.code == .invalidFile)
    #expect(blanks?.message.contains("ACCESS TOKEN contains blanks") == true)
    #expect(blanks?.position == SourcePosition(source: "creds.txt", line: 1, column: 15))
    // The one check every credential passes, as `token set` and session files apply it.
    let control = failure(
      "ACCESS TOKEN: \(Sample.accessToken)\nAPI PATH: abc123\nCLIENT SECRET: ab\u{1B}[2Jcd\n")
    #expect(control?.code == .invalidFile)
    #expect(control?.message.contains("CLIENT SECRET contains control characters") == true)
    #expect(control?.position?.line == 3)
    let long = failure("ACCESS TOKEN: \(String(repeating: "a", count: 1025))\nAPI PATH: abc123\n")
    #expect(long?.code == .invalidFile)
    #expect(long?.message.contains("longer than 1024 bytes") == true)
    let noToken = failure("CLIENT NAME: x\nAPI PATH: abc123\n")
    #expect(noToken?.code == .invalidFile)
    #expect(noToken?.message.contains("missing ACCESS TOKEN in") == true)
    let neither = failure("ACCESS TOKEN: \nCLIENT NAME: x\n")
    #expect(neither?.code == .invalidFile)
    #expect(neither?.message.contains("missing ACCESS TOKEN and API PATH") == true)
    let twice = failure(
      "ACCESS TOKEN: \(Sample.accessToken)\nAPI PATH: abc123\nACCESS TOKEN: \(Sample.clientID)\n")
    #expect(twice?.code == .invalidFile)
    #expect(twice?.message.contains("(first on line 1)") == true)
    #expect(twice?.position?.line == 3)
  }

  @Test func brokenFileErrorsNeverHoldTheSecret() {
    let error = failure("ACCESS TOKEN: \(Sample.accessToken)\nACCESS TOKEN: other\nAPI PATH: abc123")
    #expect(error != nil)
    #expect(!(error?.description.contains(Sample.accessToken) ?? true))
  }
}
