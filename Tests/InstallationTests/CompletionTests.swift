import Foundation
import TestSupport
import Testing

/// A partial command line and the candidates Tab must offer for it, in the sample project folder
/// (a.bcsh, b.bcsh, notes.txt, s.bcsh.json, sub/c.bcsh).
struct CompletionCase: Sendable, CustomTestStringConvertible {
  let line: String
  /// The candidates, or nil for the long options that `bcsh ... --help` lists for the command.
  let expected: Set<String>?

  init(line: String, expected: Set<String>?) {
    self.line = line
    self.expected = expected
  }

  /// The long options of the command the line names (`bcsh sandbox serve --`).
  static func longOptions(_ line: String) -> CompletionCase { .init(line: line, expected: nil) }

  /// What Tab must offer.
  func candidates() throws -> Set<String> {
    if let expected { return expected }
    return try HelpOptions.long(of: Array(line.split(separator: " ").dropFirst().dropLast().map(String.init)))
  }

  var testDescription: String { "'\(line)'" }

  static let all: [CompletionCase] = [
    // Options, and only the main command's.
    .longOptions("bcsh --"),
    .init(line: "bcsh --no-", expected: ["--no-rc", "--no-history"]),
    // Option values.
    .init(line: "bcsh --color ", expected: ["auto", "always", "never"]),
    .init(line: "bcsh --color a", expected: ["auto", "always"]),
    .init(line: "bcsh --session ", expected: ["s.bcsh.json", "sub"]),
    .init(line: "bcsh --json -s ", expected: ["s.bcsh.json", "sub"]),
    // An option's value is never completed as an option; free-text values get nothing.
    .init(line: "bcsh --color -", expected: []),
    .init(line: "bcsh -c ", expected: []),
    .init(line: "bcsh -v ", expected: []),
    // The script argument: .bcsh files and folders to descend into (not notes.txt), or `sandbox`.
    .init(line: "bcsh ", expected: ["a.bcsh", "b.bcsh", "sub", "sandbox"]),
    .init(line: "bcsh --color never --trace ", expected: ["a.bcsh", "b.bcsh", "sub", "sandbox"]),
    .init(line: "bcsh sub/", expected: ["c.bcsh"]),
    // After the script come NAME=VALUE words: no file noise.
    .init(line: "bcsh a.bcsh ", expected: []),
    .init(line: "bcsh a.bcsh STORE=abc ", expected: []),
    // The sandbox server.
    .init(line: "bcsh sandbox ", expected: ["serve"]),
    .longOptions("bcsh sandbox serve --"),
    .init(line: "bcsh sandbox serve --port ", expected: []),
    .init(
      line: "bcsh sandbox serve --port 8080 --tls-cert ",
      expected: ["a.bcsh", "b.bcsh", "notes.txt", "s.bcsh.json", "sub"]),
  ]
}

@Suite("Completion scripts in the real shells")
struct CompletionTests {
  @Test(arguments: CompletionShell.allCases, CompletionCase.all)
  func candidates(shell: CompletionShell, example: CompletionCase) throws {
    let project = try TemporaryFolder.sampleProject()
    let offered = try shell.candidates(for: example.line, in: project.url)
    let expected = try example.candidates()
    #expect(
      offered == expected,
      "\(shell) offers \(offered.sorted()) for '\(example.line)'; expected \(expected.sorted())")
  }
}
