import Foundation
import Testing

/// Checks of the manual page as `man` shows it.
enum ManPage {
  static let sections = [
    "NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "SCRIPTS", "FILES", "ENVIRONMENT",
    "EXIT STATUS", "SECURITY", "EXAMPLES", "SEE ALSO",
  ]

  /// The exit statuses bcsh documents (README, "Exit status").
  static let exitStatuses = ["0", "1", "2", "64", "130"]

  /// The page rendered by `man -l` at 80 columns as plain text; expects man to say nothing on stderr.
  static func render(_ page: URL) throws -> String {
    let result = try run(
      "bash", ["-c", "set -o pipefail; man -l \"$1\" | col -b", "bash", page.path],
      environment: ["MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat", "LANG": "C.UTF-8"])
    #expect(result.status == 0, "man -l \(page.path) failed: \(result.stderr)")
    #expect(result.stderr.isEmpty, "man -l \(page.path) warns:\n\(result.stderr)")
    return result.stdout
  }

  /// Expects the rendered page to have every section, name every option and every exit status.
  static func expectComplete(_ text: String, page: URL) {
    let lines = text.split(separator: "\n").map(String.init)
    for section in sections {
      #expect(lines.contains(section), "\(page.lastPathComponent) has no section \(section)")
    }
    do {
      let options = try HelpOptions.of([]).union(HelpOptions.of(["sandbox", "serve"]))
      let documented = HelpOptions.names(startingLinesOf: Substring(text))
      for option in options.subtracting(documented).sorted() {
        Issue.record("\(page.lastPathComponent) does not document \(option)")
      }
    } catch {
      Issue.record(error)
    }
    let exitStatus = lines.drop { $0 != "EXIT STATUS" }.dropFirst().prefix { $0.first?.isWhitespace ?? true }
    for status in exitStatuses {
      #expect(
        exitStatus.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\(status) ") },
        "EXIT STATUS in \(page.lastPathComponent) does not list \(status)")
    }
  }
}
