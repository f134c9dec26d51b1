import Foundation
import TestSupport
import Testing

/// A partial command line and the candidates Tab must offer for it, in the sample project folder
/// (a.bcsh, b.bcsh, notes.txt, s.bcsh.json, sub/c.bcsh).
struct CompletionCase: Sendable, CustomTestStringConvertible {
  let line: String
  let expected: Set<String>
  /// When set, the long options that `bcsh COMMAND --help` lists are expected too.
  let longOptionsOf: [String]?

  init(line: String, expected: Set<String> = [], longOptionsOf: [String]? = nil) {
    self.line = line
    self.expected = expected
    self.longOptionsOf = longOptionsOf
  }

  var testDescription: String { "'\(line)'" }

  /// What Tab must offer.
  func candidates() throws -> Set<String> {
    try expected.union(longOptionsOf.map(HelpOptions.long(of:)) ?? [])
  }

  static let all: [CompletionCase] = [
    // Options, and only the main command's.
    .init(line: "bcsh --", longOptionsOf: []),
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
    .init(line: "bcsh ", expected: ["a.bcsh", "b.bcsh", "sub", "sandbox", "exec", "doctor"]),
    .init(
      line: "bcsh --color never --trace ", expected: ["a.bcsh", "b.bcsh", "sub", "sandbox", "exec", "doctor"]),
    .init(line: "bcsh sub/", expected: ["c.bcsh"]),
    // After `--`, the script (`sandbox` is a script's name there, not the command).
    .init(line: "bcsh -- ", expected: ["a.bcsh", "b.bcsh", "sub"]),
    .init(line: "bcsh --json -- sub/", expected: ["c.bcsh"]),
    // After the script come NAME=VALUE words: no file noise.
    .init(line: "bcsh a.bcsh ", expected: []),
    .init(line: "bcsh a.bcsh STORE=abc ", expected: []),
    // The sandbox server.
    .init(line: "bcsh sandbox ", expected: ["serve"]),
    .init(line: "bcsh sandbox serve --", longOptionsOf: ["sandbox", "serve"]),
    .init(line: "bcsh sandbox serve --port ", expected: []),
    .init(line: "bcsh sandbox serve --host ", expected: ["127.0.0.1", "::1", "localhost"]),
    .init(
      line: "bcsh sandbox serve --port=8080 --host ::1 --tls-cert ",
      expected: ["a.bcsh", "b.bcsh", "notes.txt", "s.bcsh.json", "sub"]),
    .init(
      line: "bcsh sandbox serve --port 8080 --tls-cert ",
      expected: ["a.bcsh", "b.bcsh", "notes.txt", "s.bcsh.json", "sub"]),
    // exec: its options, session files, the tools.
    .init(line: "bcsh exec --", longOptionsOf: ["exec"]),
    .init(line: "bcsh exec --session ", expected: ["s.bcsh.json", "sub"]),
    .init(line: "bcsh exec --for ", expected: ["catalyst", "bigcommerce", "stencil"]),
    // doctor: its options, then a folder.
    .init(line: "bcsh doctor --", longOptionsOf: ["doctor"]),
    .init(line: "bcsh doctor ", expected: ["sub"]),
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
