import Foundation
import Testing

/// The built binary on fixture scripts: stdout, stderr and exit status as users see them.
@Suite struct ScriptTests {
  let fixture = Bcsh.fixtures + "/fails-on-line-3.bcsh"

  @Test func aScriptStopsAtLine3WithItsStatusAndPlace() throws {
    let bcsh = Bcsh()
    let result = try bcsh.run([fixture])
    #expect(result.status == 2)
    #expect(
      result.stdout
        == "created store-level token 'fixture-token'\n'fixture-token' declares products=modify, orders=modify\n"
    )
    #expect(
      result.stderr == """
        \(fixture):3:11: error: unknown scope 'prodcts'
        hint: did you mean 'products'? ('scope list --all' shows every scope)

        """)
  }

  @Test func keepGoingRunsTheRest() throws {
    let result = try Bcsh().run(["--keep-going", fixture])
    #expect(result.status == 2)
    #expect(result.stdout.hasSuffix("not reached without --keep-going\n"))
    #expect(result.stderr.contains(":3:11: error: unknown scope 'prodcts'"))
  }

  @Test func aFullSetupWritesTwoPrivateFiles() throws {
    let bcsh = Bcsh()
    let result = try bcsh.run(
      [Bcsh.fixtures + "/setup.bcsh", "STORE=abc123"],
      environment: ["FIXTURE_TOKEN": Sample.accessToken, "FIXTURE_CLIENT_ID": Sample.clientID])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    #expect(bcsh.mode("session.bcsh.json") == 0o600)
    #expect(bcsh.mode("creds.txt") == 0o600)
    #expect(
      bcsh.read("creds.txt") == """
        ACCESS TOKEN: \(Sample.accessToken)
        CLIENT NAME: fixture-setup
        API PATH: https://api.bigcommerce.com/stores/abc123/v3/
        CLIENT ID: \(Sample.clientID)

        """)
    #expect(!result.stdout.contains(Sample.accessToken))
    // The saved session opens again with the same token.
    let show = try bcsh.run(["-s", "session.bcsh.json", "--json", "-c", "scope list"])
    #expect(show.status == 0)
    #expect(show.stdout.contains("\"scope\": \"information-settings\""))
    #expect(show.stdout.contains("\"level\": \"modify\""))
  }

  @Test func dryRunChecksEverythingAndWritesNothing() throws {
    let bcsh = Bcsh()
    let result = try bcsh.run(
      ["--dry-run", Bcsh.fixtures + "/setup.bcsh", "STORE=abc123"],
      environment: ["FIXTURE_TOKEN": Sample.accessToken, "FIXTURE_CLIENT_ID": Sample.clientID])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: bcsh.folder).isEmpty)
    #expect(result.stdout.contains("dry run: would write session.bcsh.json (session)"))
    let missing = try bcsh.run(["--dry-run", Bcsh.fixtures + "/setup.bcsh"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("setup.bcsh:6:24: error: STORE: pass STORE=hash"))
  }

  @Test func shebangScriptsRunDirectly() throws {
    let bcsh = Bcsh()
    let script = bcsh.path("hello.bcsh")
    bcsh.write("hello.bcsh", "#!/usr/bin/env bcsh\necho \"hello ${WHO:-world}\"\n")
    chmod(script, 0o755)
    let result = try bcsh.run(["WHO=there"], executable: script)
    #expect(result.status == 0)
    #expect(result.stdout == "hello there\n")
  }

  @Test func commandsFromDashCAndFromStdin() throws {
    let bcsh = Bcsh()
    let c = try bcsh.run(["-c", "set A 1; echo $A; echo ${B}", "-v", "B=2"])
    #expect(c.stdout == "1\n2\n")
    let piped = try bcsh.run([], stdin: "token new piped-token\nscope add products # comment\nscope list\n")
    #expect(piped.status == 0)
    #expect(piped.stdout.contains("products  Products"))
    #expect(!piped.stdout.contains("bcsh>"))
    let failing = try bcsh.run([], stdin: "echo ok\nfrobnicate\n")
    #expect(failing.status == 2)
    #expect(failing.stderr == "stdin:2:1: error: unknown command 'frobnicate'\nhint: 'help' lists commands\n")
  }

  @Test func badInvocationsExit64() throws {
    let bcsh = Bcsh()
    for arguments in [
      ["--nope"], ["-c", "echo", "file.bcsh"], ["--color", "sometimes"], ["-v", "novalue"],
      ["x.bcsh", "bad"],
    ] {
      let result = try bcsh.run(arguments)
      #expect(result.status == 64, "\(arguments)")
      #expect(!result.stderr.isEmpty)
    }
    let insecure = try bcsh.run(["-c", "status"], environment: ["BCSH_API_BASE": "http://api.example.com"])
    #expect(insecure.status == 64)
    #expect(insecure.stderr.contains("http:// is accepted only for loopback addresses"))
    #expect(try bcsh.run(["--version"]).stdout.hasPrefix("0."))
  }

  @Test func aMissingScriptIsAFailedCommand() throws {
    let result = try Bcsh().run(["missing.bcsh"])
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "error: cannot read 'missing.bcsh': no such file or directory\n"
        + "hint: check the file name: its folder holds no 'missing.bcsh'\n"
    )
  }

  @Test func exitStatusFromExit() throws {
    #expect(try Bcsh().run(["-c", "exit 1"]).status == 1)
    #expect(try Bcsh().run(["-c", "exit"]).status == 0)
  }

  @Test func traceShowsCommandsWithSecretsMasked() throws {
    let result = try Bcsh().run([
      "-x", "-c", "token new traced; token set access-token \(Sample.accessToken)",
    ])
    #expect(result.status == 0)
    #expect(result.stderr.contains("+ token new traced\n"))
    #expect(result.stderr.contains("+ token set access-token ****p9q8\n"))
    #expect(!(result.stdout + result.stderr).contains(Sample.accessToken))
  }

  @Test func jsonDocumentsForReports() throws {
    let result = try Bcsh().run([
      "--json", "-c",
      "token new json-token; scope add products=read-only; path set abc123; token list; status; path show",
    ])
    #expect(result.status == 0)
    // Three documents, each closing at the start of a line.
    #expect(result.stdout.split(separator: "\n").filter { $0 == "}" || $0 == "]" }.count == 3)
    #expect(result.stdout.hasPrefix("[\n  {\n    \"name\": \"json-token\""))
    #expect(result.stdout.contains("\"unsaved_changes\": true"))
    #expect(!result.stdout.contains("created"))
  }

  @Test func colourOnlyWhenAsked() throws {
    let plain = try Bcsh().run(["-c", "frobnicate"])
    #expect(!plain.stderr.contains("\u{1B}["))
    let coloured = try Bcsh().run(["--color", "always", "-c", "frobnicate"])
    #expect(coloured.stderr.contains("\u{1B}[31merror:"))
  }

  /// Issue 10, row 1: 20000 nested `${A:-` (or `${A:?`) crashed bcsh with SIGSEGV, from `-c`,
  /// a script and stdin. Now a syntax error at the first reference too deep, exit 2.
  @Test func deepNestingIsASyntaxErrorFromEverySource() throws {
    let bcsh = Bcsh()
    defer { try? FileManager.default.removeItem(atPath: bcsh.folder) }
    let column = 6 + 5 * 64
    for opening in ["${A:-", "${A:?"] {
      let line =
        "echo " + String(repeating: opening, count: 20000) + "x" + String(repeating: "}", count: 20000)
      bcsh.write("n.bcsh", "echo first\n" + line + "\n")
      let message = "error: variable references nest more than 64 deep"
      let fromC = try bcsh.run(["-c", line])
      #expect(fromC.status == 2)
      #expect(fromC.stderr.hasPrefix("-c:1:\(column): \(message)"))
      let script = try bcsh.run(["n.bcsh"])
      #expect(script.status == 2)
      #expect(script.stderr.hasPrefix("n.bcsh:2:\(column): \(message)"))
      #expect(script.stdout.isEmpty, "a syntax error runs nothing")
      let stdin = try bcsh.run([], stdin: line + "\n")
      #expect(stdin.status == 2)
      #expect(stdin.stderr.hasPrefix("stdin:1:\(column): \(message)"))
    }
  }
}
