import Foundation
import Testing

/// Issue 21, item 18: a bad command line reads as bcsh's other errors do (`bcsh: error: ...` and a
/// hint, status 64), and `--help`'s usage lines line up.
@Suite struct CommandLineErrorTests {
  @Test func aBadOptionIsABcshError() throws {
    let bcsh = Bcsh()
    let unknown = try bcsh.run(["--frobnicate"])
    #expect(unknown.status == 64)
    #expect(
      unknown.stderr == "bcsh: error: unknown option '--frobnicate'\nhint: 'bcsh --help' lists the options\n")
    let near = try bcsh.run(["--no-hist"])
    #expect(near.status == 64)
    #expect(
      near.stderr
        == "bcsh: error: unknown option '--no-hist'\n"
        + "hint: did you mean '--no-history'? ('bcsh --help' lists the options)\n")
    let invalid = try bcsh.run(["-c", "echo", "file.bcsh"])
    #expect(invalid.status == 64)
    #expect(invalid.stderr.hasPrefix("bcsh: error: give either -c or a script FILE, not both\n"))
    let serve = try bcsh.run(["sandbox", "serve", "--port", "70000"])
    #expect(serve.status == 64)
    #expect(
      serve.stderr
        == "bcsh: error: --port must be 0 to 65535\nhint: 'bcsh sandbox serve --help' lists the options\n")
    for result in [unknown, invalid, serve] { #expect(!result.stderr.contains("Error:")) }
  }

  @Test func theUsageLinesLineUp() throws {
    let help = try Bcsh().run(["--help"])
    #expect(help.status == 0)
    let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(lines.firstIndex { $0.hasPrefix("USAGE: ") })
    let usage = lines[start..<(start + 4)].map(String.init)
    // Each form starts in the same column, and so does what it does.
    #expect(
      usage.map { $0.range(of: "bcsh ")?.lowerBound.utf16Offset(in: $0) } == Array(repeating: 7, count: 4))
    let descriptions = usage.map { line in
      line.range(of: #"\S  +\S"#, options: .regularExpression).map {
        line.distance(from: line.startIndex, to: $0.upperBound)
      }
    }
    #expect(Set(descriptions).count == 1, "\(usage.joined(separator: "\n"))")
  }
}
