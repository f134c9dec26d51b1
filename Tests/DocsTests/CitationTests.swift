import Foundation
import Testing

/// Comments cite docs/bigcommerce.md and README by section: every cited section exists, and no
/// comment cites a file the project does not contain.
@Suite struct CitationTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Every `.swift` file under Sources and Tests, with its text.
  static func swiftFiles() throws -> [(path: String, text: String)] {
    var files: [(String, String)] = []
    for folder in ["Sources", "Tests", "Benchmarks"] {
      let base = root.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
      while let relative = walker.nextObject() as? String {
        guard relative.hasSuffix(".swift") else { continue }
        let path = base.appendingPathComponent(relative).path
        files.append(("\(folder)/\(relative)", try String(contentsOfFile: path, encoding: .utf8)))
      }
    }
    return files
  }

  /// The headings of a Markdown file, without their `#`s.
  static func headings(_ file: String) throws -> [String] {
    try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
      .filter { $0.hasPrefix("#") }.map { String($0.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces) }
  }

  @Test func everyCitedSectionExists() throws {
    let documents = [
      "docs/bigcommerce.md": try Self.headings("docs/bigcommerce.md"),
      "README": try Self.headings("README.md"),
    ]
    let citation = /(docs\/bigcommerce\.md|README),? \(?"([^"]+)"/
    var cited = 0
    for (path, file) in try Self.swiftFiles() {
      // A citation may run over two comment lines.
      let text = file.replacing(/\n\s*\/\/\/?\s*/, with: " ")
      for match in text.matches(of: citation) {
        let (document, section) = (String(match.1), String(match.2))
        cited += 1
        let known = documents[document] ?? []
        #expect(
          known.contains { $0.hasPrefix(section) },
          "\(path) cites \(document), \"\(section)\": no such section")
      }
    }
    #expect(cited > 0)
  }

  /// A comment that names a file or folder of the project by its path (`Sources/...`,
  /// `scripts/...`, `docs/...`) names one that exists.
  @Test func everyCitedProjectPathExists() throws {
    let path =
      /(?:^|[\s`(])((?:Sources|Tests|Benchmarks|scripts|docs|data|examples|man|completions|Fuzz)\/[A-Za-z0-9_.+\/-]*[A-Za-z0-9_])/
    var cited = 0
    for (file, text) in try Self.swiftFiles() {
      for line in text.split(separator: "\n") where line.contains("//") {
        let comment = line[line.range(of: "//")!.lowerBound...]
        for match in comment.matches(of: path) {
          let named = String(match.1)
          cited += 1
          #expect(
            FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(named).path),
            "\(file) names \(named), which does not exist")
        }
      }
    }
    #expect(cited > 0)
  }

  @Test func noCommentCitesAFileTheProjectDoesNotHave() throws {
    // Spelled in two parts, so that this file does not cite them itself.
    let absent = [
      "spec" + ".md", "bigcommerce-" + "reference.md", "reference" + " section", "reference's" + " section",
    ]
    for (path, text) in try Self.swiftFiles() {
      for name in absent {
        #expect(!text.contains(name), "\(path) cites \(name), which the project does not contain")
      }
    }
  }
}
