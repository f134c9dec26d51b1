import BcshDocs
import Foundation
import Testing

/// The committed completion scripts, the manual's generated blocks and README's tables are what
/// bcsh-docs renders from the declarations now: change an option or a command, and this fails
/// until scripts/generate-docs has run.
@Suite("Generated documents match the declarations")
struct GeneratedFilesTests {
  /// The package root: two folders above Tests/DocsTests/.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // DocsTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  @Test("every generated file is committed as bcsh-docs renders it")
  func committedFilesAreCurrent() throws {
    let files = try GeneratedFiles.render(root: Self.root)
    #expect(files.count == 5)
    for file in files {
      let committed = try String(contentsOf: Self.root.appendingPathComponent(file.path), encoding: .utf8)
      #expect(
        committed == file.text,
        "\(file.path) is stale (\(Self.firstDifference(committed, file.text))): run scripts/generate-docs")
    }
  }

  /// `line N: 'committed' instead of 'rendered'`.
  static func firstDifference(_ committed: String, _ rendered: String) -> String {
    let old = committed.split(separator: "\n", omittingEmptySubsequences: false)
    let new = rendered.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(old.count, new.count) {
      let was = index < old.count ? String(old[index]) : "(end of file)"
      let now = index < new.count ? String(new[index]) : "(end of file)"
      if was != now { return "line \(index + 1): '\(was)' where bcsh-docs writes '\(now)'" }
    }
    return "no line differs"
  }
}
