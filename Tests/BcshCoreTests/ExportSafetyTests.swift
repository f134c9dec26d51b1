import Foundation
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// Files bcsh writes for other programs, read by those programs: a `.env` file sourced by real
/// shells and python-dotenv, and the git check of a save run inside a hostile repository.
@Suite struct ExportSafetyTests {
  /// Values an attacker could put in a downloaded file or an environment variable.
  static let hostileValues = [
    "abcdefghijklmnop`touch canary`qrstuvw", "abcdefghijklmnop$(touch canary)", "abcdefghijklmnop;>canary",
    "abcdefghijklmnop'\"; touch canary; '", "abcdefghijklmnop\\\"`touch canary`",
    "abcdefghijklmnop|tee canary",
    "abcdefghijklmnop&>canary", "~/abcdefghijklmnop", "abcdefghijklmnop #;touch canary", "abc*{d,e}",
  ]

  /// The readers of `.env` files there are on this machine: each prints the four values it read.
  static func readers() -> [(name: String, command: [String])] {
    let print =
      #"printf '%s\n' "$BIGCOMMERCE_STORE_HASH" "$BIGCOMMERCE_ACCESS_TOKEN" "$BIGCOMMERCE_CLIENT_ID" "$BIGCOMMERCE_CLIENT_SECRET""#
    var readers: [(String, [String])] = []
    for shell in ["bash", "dash", "zsh", "sh"] where ExternalProgram.exists(shell) {
      readers.append((shell, [shell, "-c", "set -a; . ./creds.env; set +a; " + print]))
    }
    let python = """
      from dotenv import dotenv_values
      v = dotenv_values("creds.env")
      for k in ["STORE_HASH", "ACCESS_TOKEN", "CLIENT_ID", "CLIENT_SECRET"]: print(v.get("BIGCOMMERCE_" + k, ""))
      """
    if (try? ExternalProgram.run(["python3", "-c", "import dotenv"], in: "/"))?.status == 0 {
      readers.append(("python-dotenv", ["python3", "-c", python]))
    }
    return readers
  }

  /// A value that reaches the exporter (a token built in code, past every check on the way in) is
  /// either refused or read back as itself by every reader, and never runs anything.
  @Test(arguments: hostileValues) func aHostileValueIsRefusedOrReadAsItself(_ value: String) throws {
    let t = TestShell()
    let readers = Self.readers()
    #expect(readers.count >= 3, "bash, dash and python-dotenv are expected on the test machine")
    for field in 0..<3 {
      var token = Token(name: "abcd", kind: .store)
      token.apiPath = .store(hash: "abc123")
      token.accessToken = Secret(field == 0 ? value : Sample.accessToken)
      token.clientID = field == 1 ? value : Sample.clientID
      token.clientSecret = Secret(field == 2 ? value : Sample.clientSecret)
      guard let text = try? DotEnvFile.rendered(token) else { continue }
      t.write("creds.env", text)
      for reader in readers {
        let result = try ExternalProgram.run(reader.command, in: t.folder)
        #expect(
          result.output
            == "abc123\n\(token.accessToken!.revealed)\n\(token.clientID!)\n\(token.clientSecret!.revealed)\n",
          "\(reader.name) read \(value) as something else")
        #expect(t.read("canary") == nil, "\(reader.name) ran a command from \(value)")
      }
    }
  }

  /// A real-shaped token saved as env is read back as itself by every reader.
  @Test func aSavedEnvFileIsReadAsItselfEverywhere() async throws {
    let t = TestShell(environment: ["AT": Sample.accessToken, "CS": Sample.clientSecret])
    let script = """
      token new abcd; path set abc123; token set access-token --env AT; token set client-id \(Sample.clientID)
      token set client-secret --env CS; save creds.env --format env
      """
    #expect(await t.run(script) == .success)
    for reader in Self.readers() {
      let result = try ExternalProgram.run(reader.command, in: t.folder)
      #expect(
        result.output == "abc123\n\(Sample.accessToken)\n\(Sample.clientID)\n\(Sample.clientSecret)\n",
        "\(reader.name)")
    }
  }

  /// The attack: a downloaded file whose ACCESS TOKEN holds backquotes is refused on import, as
  /// `token set` refuses it, and nothing reaches a `.env` file.
  @Test func quotesAndExpansionsInCredentialsAreRefusedOnTheWayIn() async throws {
    let t = TestShell(environment: ["BAD": "abcdefghijklmnop`touch canary`"])
    t.write(
      "creds.txt",
      "ACCESS TOKEN: abcdefghijklmnop`touch canary`def\nCLIENT NAME: cart-migration\nAPI PATH: abc123\n")
    #expect(await t.run("token import creds.txt") == .commandFailed)
    #expect(t.output.error.contains("creds.txt:1:15: error: the ACCESS TOKEN contains quotes"))
    #expect(t.state.session.tokenCount == 0)
    #expect(await t.run("token new abcd; token set access-token --env BAD") == .commandFailed)
    #expect(t.state.session.token(named: "abcd")?.accessToken == nil)
    for value in ["abcdefghijklmnop\"x", "abcdefghijklmnop'x", "abcdefghijklmnop\\x", "abcdefghijklmnop$x"] {
      #expect(CredentialValue.problem(with: value) != nil, "\(value)")
    }
  }

  /// A value that passes the checks on the way in but cannot be written bare is refused by the
  /// export, with its place, and no file is written.
  @Test func anEnvSaveOfAnUnsafeValueWritesNothing() async throws {
    let t = TestShell(environment: ["ODD": "abcdefghijklmnop;>canary"])
    #expect(await t.run("token new abcd; path set abc123; token set access-token --env ODD") == .success)
    #expect(await t.run("save creds.env --format env") == .commandFailed)
    #expect(t.output.error.contains("test.bcsh:1:6: error: the access token of 'abcd' holds characters"))
    #expect(t.read("creds.env") == nil)
  }

  // MARK: Short credentials (issue 22 item 10)

  /// A credential shorter than BigCommerce's shortest is refused, saying so, and JSON output is never
  /// masked inside its syntax.
  @Test func aShortCredentialIsRefusedAndJSONStaysJSON() async throws {
    let t = TestShell(json: true)
    #expect(await t.run("token new abcd; path set abc123; token set access-token e") == .commandFailed)
    #expect(t.output.error.contains("is 1 characters long; BigCommerce's credentials are 31 or more"))
    #expect(t.state.session.token(named: "abcd")?.accessToken == nil)
    t.write("short.txt", "ACCESS TOKEN: fals\nCLIENT NAME: abcd\nAPI PATH: abc123\n")
    #expect(await t.run("token import short.txt") == .commandFailed)
    let before = t.output.output
    #expect(await t.run("status") == .success)
    let json = String(t.output.output.dropFirst(before.count))
    #expect(throws: Never.self, "\(json)") { try JSONSerialization.jsonObject(with: Data(json.utf8)) }
    #expect(!json.contains("****"))
  }

  /// A session file holding a short secret is refused on open, with the token named.
  @Test func aSessionFileWithAShortSecretIsRefused() async throws {
    let t = TestShell()
    #expect(
      await t.run(
        "token new abcd; path set abc123; token set access-token \(Sample.accessToken); save s.json")
        == .success)
    let text = t.read("s.json")!.replacingOccurrences(of: Sample.accessToken, with: "e")
    t.write("t.json", text)
    #expect(await t.run("open --discard t.json") == .commandFailed)
    #expect(t.output.error.contains("token 'abcd': the access-token is 1 characters long"))
  }

  // MARK: Git (issue 22 item 5)

  /// Saving inside a repository whose config names programs runs none of them, and the warning
  /// about a file git would not ignore still comes.
  @Test func aHostileRepositoryRunsNothingOnSave() async throws {
    let t = TestShell()
    let canary = t.path("canary")
    let hook = t.path("hook.sh")
    t.write("hook.sh", "#!/bin/sh\ntouch '\(canary)'\n")
    chmod(hook, 0o755)
    let repo = t.path("repo")
    try ExternalProgram.run(["git", "init", "-q", repo], in: t.folder)
    t.write("repo/.gitignore", "ignored.json\n")
    t.write("repo/tracked", "x\n")
    try ExternalProgram.run(["git", "add", "tracked", ".gitignore"], in: repo)
    for (key, value) in [
      ("core.fsmonitor", hook), ("core.hooksPath", t.folder), ("core.pager", hook), ("core.sshCommand", hook),
      ("core.askPass", hook), ("diff.external", hook), ("core.editor", hook),
    ] {
      try ExternalProgram.run(["git", "config", key, value], in: repo)
    }
    for name in ["post-index-change", "post-checkout", "pre-commit"] {
      t.write(name, "#!/bin/sh\ntouch '\(canary)'\n")
      chmod(t.path(name), 0o755)
    }
    // The hook runs when git itself is asked, so the test would see it if bcsh asked the same way.
    try ExternalProgram.run(["git", "status", "--short"], in: repo)
    #expect(FileManager.default.fileExists(atPath: canary), "the repository's fsmonitor does not run")
    try? FileManager.default.removeItem(atPath: canary)

    let script = """
      token new abcd; path set abc123; token set access-token \(Sample.accessToken)
      save repo/exposed.json; save repo/ignored.json
      """
    #expect(await t.run(script) == .success)
    #expect(!FileManager.default.fileExists(atPath: canary), "saving ran a program the repository names")
    #expect(t.output.error.contains("repo/exposed.json holds credentials and lies in a git work tree"))
    #expect(!t.output.error.contains("repo/ignored.json holds credentials"))
  }
}
