import ArgumentParser
import BcshCommandLine
import Testing

@testable import bcsh

/// The start-up fast path reads the common command lines without ArgumentParser. It must read
/// them exactly as ArgumentParser reads them from the `Bcsh` declaration, and leave every other
/// command line to ArgumentParser.
@Suite struct CommonFormTests {
  @Test(arguments: [
    [], ["-c", "exit"], ["-c", "token new abcd; scope add products"], ["-c", ""], ["setup.bcsh"],
    ["setup.bcsh", "STORE=abc123", "X="], ["./dir/script", "A=b=c"], ["-c", "echo -c"],
  ])
  func agreesWithArgumentParser(arguments: [String]) throws {
    let fast = try #require(Launch.commonForm(arguments))
    #expect(fast == Launch(try Bcsh.parse(arguments)))
  }

  @Test(arguments: [
    ["-x", "setup.bcsh"], ["--help"], ["-c", "--help"], ["-c"], ["-c", "a", "b"], ["setup.bcsh", "-x"],
    ["setup.bcsh", "notavariable"], ["setup.bcsh", "1X=2"], ["--generate-completion-script", "bash"],
    ["-s", "s.json"], ["--json", "-c", "status"], ["--version"], ["-h"],
  ])
  func leavesEverythingElseToArgumentParser(arguments: [String]) {
    #expect(Launch.commonForm(arguments) == nil)
  }
}
