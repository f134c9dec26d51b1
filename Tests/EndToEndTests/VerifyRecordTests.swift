import Foundation
import Testing

/// Every verify that ran is recorded with its date and verdict, whatever it found, so that an old
/// "passed" never outlives a verify that failed; the command still exits 1 or 2.
@Suite struct VerifyRecordTests {
  private static let good =
    "path set $SANDBOX_STORE_HASH; token set access-token --env SANDBOX_MIGRATION_ACCESS_TOKEN"

  /// `text` with each run of blanks and line ends one space: `token list`'s LAST VERIFY column
  /// wraps within itself at 80 columns (output is not a terminal).
  private func words(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// A session saved after a verify that passed, whose token is then replaced in the file by one
  /// the sandbox does not know (as when the API account is deleted).
  private func sessionWithAStalePass(_ bcsh: Bcsh) throws {
    let made = try bcsh.run([
      "--sandbox", "-c",
      "token new stale-pass; scope add products=read-only; \(Self.good); verify; save s.json",
    ])
    #expect(made.status == 0, "\(made.stderr)")
    let file = try #require(bcsh.read("s.json"))
    #expect(file.contains("\"result\" : \"passed\""))
    let token = try #require(file.firstMatch(of: /"access_token" : "([a-z0-9]+)"/)?.1)
    bcsh.write("s.json", file.replacing(token, with: "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"))
  }

  @Test func aVerifyThatFindsAProblemReplacesAnOldPass() throws {
    let bcsh = Bcsh()
    try sessionWithAStalePass(bcsh)
    let result = try bcsh.run(["--sandbox", "-s", "s.json", "--keep-going", "-c", "verify; token list; save"])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.contains("result: problem"))
    #expect(words(result.stdout).contains("problem 20"), "\(result.stdout)")
    #expect(!words(result.stdout).contains("passed 20"))
    let saved = try #require(bcsh.read("s.json"))
    #expect(saved.contains("\"result\" : \"problem\""))
    #expect(saved.contains("\"passed\" : false"))
  }

  @Test func aScriptStillStopsAtAFailedVerifyButKeepsItsRecord() throws {
    let bcsh = Bcsh()
    try sessionWithAStalePass(bcsh)
    bcsh.write("check.bcsh", "source inner.bcsh\necho not reached\n")
    bcsh.write("inner.bcsh", "verify\necho not reached either\n")
    let result = try bcsh.run(["--sandbox", "-s", "s.json", "-c", "source check.bcsh; echo nor this"])
    #expect(result.status == 1)
    #expect(!result.stdout.contains("not reached"))
    #expect(!result.stdout.contains("nor this"))
    // Under --keep-going the sourced verify's record stands and the script goes on.
    let after = try bcsh.run([
      "--sandbox", "-s", "s.json", "--keep-going", "-c", "source inner.bcsh; token list",
    ])
    #expect(after.status == 1)
    #expect(words(after.stdout).contains("problem 20"), "\(after.stdout)")
  }

  @Test func verifyAllRecordsEveryOutcomeEvenWhenOneCouldNotBeChecked() throws {
    let bcsh = Bcsh()
    let result = try bcsh.run([
      "--sandbox", "--keep-going", "-c",
      "token new checks-out; scope add products=read-only; \(Self.good)\n"
        + "token new no-path-yet; token set access-token --env SANDBOX_MIGRATION_ACCESS_TOKEN\n"
        + "verify --all; token list",
    ])
    #expect(result.status == 2, "\(result.stderr)")
    let list = words(try #require(result.stdout.components(separatedBy: "NAME").last))
    #expect(list.contains("passed 20"), "\(list)")
    #expect(list.contains("not checked 20"), "\(list)")
    #expect(list.contains("nothing to verify yet: 'no-path-yet' has no API path"))
  }

  @Test func aTokenShortOfAToolsNeedsIsRecordedAsAProblem() throws {
    let result = try Bcsh().run([
      "--sandbox", "--keep-going", "-c",
      "token new stencil-check; scope preset stencil-dev; path set $SANDBOX_STORE_HASH\n"
        + "token set access-token --env SANDBOX_READONLY_ACCESS_TOKEN\n"
        + "verify --for stencil-publish; token list",
    ])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(words(result.stdout).contains("problem 20"), "\(result.stdout)")
    #expect(
      result.prose.contains("'stencil-check' cannot run preset stencil-publish: it lacks 1 of the 4 scopes"))
  }

  @Test func aDryRunRecordsNothing() throws {
    let result = try Bcsh().run([
      "--sandbox", "--dry-run", "-c", "token new dry-one; \(Self.good); verify; token list",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("never"))
  }

  @Test func aMissingSessionFileIsAnErrorWithTheNearName() throws {
    let bcsh = Bcsh()
    #expect(try bcsh.run(["-c", "token new kept-one; save team.bcsh.json"]).status == 0)
    let typo = try bcsh.run(["-s", "team.bcsh.jsn", "-c", "verify --all"])
    #expect(typo.status == 2)
    #expect(typo.stderr.contains("error: no session file 'team.bcsh.jsn'"), "\(typo.stderr)")
    #expect(typo.stderr.contains("hint: did you mean 'team.bcsh.json'?"))
    #expect(!typo.stdout.contains("no tokens"))
    let elsewhere = try bcsh.run(["-s", "nowhere/new.json", "-c", "status"])
    #expect(elsewhere.status == 2)
    #expect(elsewhere.stderr.contains("'save nowhere/new.json' makes a new session file there"))
    let opened = try bcsh.run(["-c", "open team.bcsh.jsn"])
    #expect(opened.stderr.contains("1:6: error: no session file 'team.bcsh.jsn'"), "\(opened.stderr)")
  }
}
