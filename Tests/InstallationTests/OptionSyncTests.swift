import Foundation
import TestSupport
import Testing

/// Every generated document names exactly the options that the built executable's `--help` lists,
/// short and long, for `bcsh` and for `bcsh sandbox serve`. The completion scripts are asked in the
/// real shells, as a user's Tab would.
@Suite("The completions, the manual and README name the options of --help")
struct OptionSyncTests {
  /// The commands with options, as typed after `bcsh`.
  static let commands: [[String]] = [[], ["sandbox", "serve"], ["exec"], ["doctor"]]

  @Test("Tab after '-' offers exactly the options of --help", arguments: CompletionShell.allCases)
  func completionOffersHelpOptions(shell: CompletionShell) throws {
    let project = try TemporaryFolder.sampleProject()
    for command in Self.commands {
      let line = (["bcsh"] + command + ["-"]).joined(separator: " ")
      let offered = try shell.candidates(for: line, in: project.url)
      let help = try HelpOptions.of(command)
      #expect(
        offered == help,
        "\(shell) offers \(offered.subtracting(help).sorted()) beyond --help and not \(help.subtracting(offered).sorted()) for '\(line)'"
      )
    }
  }

  @Test("the manual's OPTIONS lists exactly the options of --help, per command")
  func manualListsHelpOptions() throws {
    let text = try ManPage.render(Repository.manPage)
    let section = try #require(text.components(separatedBy: "\nOPTIONS\n").dropFirst().first)
      .components(separatedBy: "\nCOMMANDS\n")[0]
    let parts = section.components(separatedBy: "\n   Options of bcsh ")
    try #require(parts.count == Self.commands.count, "OPTIONS has not one subsection per command")
    #expect(parts.dropFirst().map { $0.prefix { $0 != "\n" } } == ["sandbox serve", "exec", "doctor"])
    for (part, command) in zip(parts, Self.commands) {
      let listed = HelpOptions.names(startingLinesOf: Substring(part))
      let help = try HelpOptions.of(command)
      #expect(listed == help, "man page: \(command) lists \(listed.sorted()), --help \(help.sorted())")
    }
  }

  @Test("README's option tables list exactly the options of --help, per command")
  func readmeListsHelpOptions() throws {
    let readme = try String(contentsOf: Repository.file("README.md"), encoding: .utf8)
    let block = try #require(readme.components(separatedBy: "<!-- options -->\n").dropFirst().first)
      .components(separatedBy: "<!-- /options -->")[0]
    let tables = block.components(separatedBy: "\n\n").filter { $0.hasPrefix("| option |") }
    try #require(
      tables.count == Self.commands.count,
      "README's options block has \(tables.count) tables, not \(Self.commands.count)")
    for (table, command) in zip(tables, Self.commands) {
      var listed: Set<String> = []
      for row in table.split(separator: "\n").dropFirst(2) {
        let usage = row.split(separator: "`")[1]
        for name in usage.components(separatedBy: ", ") {
          listed.insert(String(name.split(separator: " ")[0]))
        }
      }
      let help = try HelpOptions.of(command)
      #expect(listed == help, "README: \(command) lists \(listed.sorted()), --help \(help.sorted())")
    }
  }
}
