import Foundation
import Testing

/// The completion scripts and the executable's `--help` name the same long options.
@Suite("Completion scripts stay in sync with --help")
struct OptionSyncTests {
  /// The long options that `bcsh ARGUMENTS --help` prints, or nil while the built executable is missing or
  /// prints none (the core is still being written); then the contract's fixture stands in.
  static func helpOptions(_ arguments: [String]) throws -> Set<String>? {
    let executable = Repository.debugExecutable
    guard FileManager.default.isExecutableFile(atPath: executable.path) else { return nil }
    let help = try run(executable.path, arguments + ["--help"], timeoutSeconds: 30)
    let options = Contract.longOptions(in: help.stdout)
    return options.isEmpty ? nil : options
  }

  static var mainOptions: Set<String> {
    get throws { try helpOptions([]) ?? Contract.mainOptions }
  }

  static var serveOptions: Set<String> {
    get throws { try helpOptions(["sandbox", "serve"]) ?? Contract.serveOptions }
  }

  @Test(
    "every long option of bcsh --help and bcsh sandbox serve --help is in the script",
    arguments: CompletionShell.allCases)
  func everyOptionIsCompleted(shell: CompletionShell) throws {
    let script = try String(contentsOf: shell.script, encoding: .utf8)
    let named = Self.longOptions(in: script, for: shell)
    for option in try Self.mainOptions.union(Self.serveOptions).sorted() {
      #expect(named.contains(option), "\(shell.script.lastPathComponent) does not complete \(option)")
    }
  }

  @Test("the script completes no long option that bcsh does not have", arguments: CompletionShell.allCases)
  func noStaleOption(shell: CompletionShell) throws {
    let script = try String(contentsOf: shell.script, encoding: .utf8)
    let known = try Self.mainOptions.union(Self.serveOptions)
      .union(Contract.mainOptions).union(Contract.serveOptions)
    for option in Self.longOptions(in: script, for: shell).subtracting(known).sorted() {
      Issue.record("\(shell.script.lastPathComponent) completes \(option), which bcsh does not have")
    }
  }

  /// The long options a script declares: fish spells them `-l name`, bash and zsh `--name`.
  static func longOptions(in script: String, for shell: CompletionShell) -> Set<String> {
    let code = script.split(separator: "\n").filter {
      !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#")
    }
    .joined(separator: "\n")
    switch shell {
    case .bash, .zsh:
      return Contract.longOptions(in: code)
    case .fish:
      // Options are what `complete` declares with `-l NAME`.
      let declarations = code.split(separator: "\n").filter { $0.hasPrefix("complete ") }.joined(
        separator: "\n")
      let pattern = try! NSRegularExpression(pattern: "(?<=\\s)-l ([a-z][a-z0-9-]*)")
      let range = NSRange(declarations.startIndex..., in: declarations)
      return Set(
        pattern.matches(in: declarations, range: range).map {
          "--" + declarations[Range($0.range(at: 1), in: declarations)!]
        })
    }
  }
}
