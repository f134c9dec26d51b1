import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
import Foundation
import TestSupport
import Testing

/// File arguments: real paths from the shell's current directory, by the argument's role.
@Suite struct CompletionEngineFileTests {
  static let entries = [
    "setup.bcsh", "session.json", "credentials.txt", "notes.md", "My Files/report.json", "sub/inner.json",
    ".hidden.json", "with space.json", "#odd.json",
  ]

  /// Runs `body` with a harness whose current directory (and `HOME`) is a fresh folder of `entries`.
  func inFolder(_ body: (CompletionHarness, String) async throws -> Void) async throws {
    let folder = try TemporaryFolder.holding(Self.entries)
    let harness = await CompletionHarness(
      "set DIR \(folder.path)", directory: folder.path, environment: ["HOME": folder.path])
    try await body(harness, folder.path)
  }

  @Test func filesOfTheRoleAndEveryFolder() async throws {
    try await inFolder { harness, _ in
      #expect(harness.insertions("source ") == ["My\\ Files/", "setup.bcsh", "sub/"])
      #expect(
        harness.insertions("open ") == [
          "\\#odd.json", "My\\ Files/", "session.json", "sub/", "with\\ space.json",
        ])
      #expect(harness.insertions("token import ") == ["My\\ Files/", "credentials.txt", "sub/"])
    }
  }

  /// `export`: its tools, and folders only for DIR.
  @Test func exportCompletesToolsAndFoldersOnly() async throws {
    try await inFolder { harness, _ in
      #expect(harness.insertions("export abcd --for ") == ["catalyst", "stencil", "env"])
      #expect(harness.insertions("export abcd --for st") == ["stencil"])
      #expect(harness.insertions("export abcd --for env ") == ["My\\ Files/", "sub/"])
      #expect(harness.insertions("export abcd ") == ["My\\ Files/", "sub/"])
    }
  }

  /// `token import` offers the tools' files beside the control panel's `.txt`.
  @Test func tokenImportOffersTheToolsFiles() async throws {
    let folder = try TemporaryFolder.holding([
      "cart.txt", "secrets.stencil.json", "config.stencil.json", "package.json", ".env.local", ".catalyst",
      "creds.env",
    ])
    let harness = await CompletionHarness("echo", directory: folder.path, environment: ["HOME": folder.path])
    #expect(
      harness.insertions("token import ") == [
        "cart.txt", "config.stencil.json", "creds.env", "secrets.stencil.json",
      ])
    #expect(harness.insertions("token import .") == [".catalyst", ".env.local"])
  }

  @Test func anyFileForTokenSetFile() async throws {
    try await inFolder { harness, _ in
      let all = harness.complete("token set access-token --file ").candidates.map(\.display)
      #expect(
        all == [
          "#odd.json", "My Files/", "credentials.txt", "notes.md", "session.json", "setup.bcsh", "sub/",
          "with space.json",
        ])
    }
  }

  @Test func aFolderGetsASlashAndNoSpace() async throws {
    try await inFolder { harness, _ in
      let result = harness.complete("open su")
      #expect(result.candidates.map(\.insertion) == ["sub/"])
      #expect(result.candidates.first?.appendsSpace == false)
      #expect(harness.tab("open su") == "open sub/")
      #expect(harness.tab("open sub/") == "open sub/inner.json ")
      #expect(harness.complete("open sub/").candidates.first?.display == "inner.json")
    }
  }

  @Test func aFileGetsASpace() async throws {
    try await inFolder { harness, _ in
      #expect(harness.tab("source se") == "source setup.bcsh ")
    }
  }

  @Test func otherFilesWhenNoneOfTheRoleMatches() async throws {
    try await inFolder { harness, _ in
      #expect(harness.insertions("open no") == ["notes.md"])
      #expect(harness.insertions("open zz").isEmpty)
    }
  }

  @Test func hiddenFilesOnlyAfterADot() async throws {
    try await inFolder { harness, _ in
      #expect(!harness.insertions("open ").contains(".hidden.json"))
      #expect(harness.insertions("open .") == [".hidden.json"])
    }
  }

  @Test func blanksInNamesAreEscapedOrQuoted() async throws {
    try await inFolder { harness, _ in
      #expect(harness.tab("open wi") == "open with\\ space.json ")
      #expect(harness.tab("open \"wi") == "open \"with space.json\" ")
      #expect(harness.tab("open 'My") == "open 'My Files/")
      #expect(harness.complete("open 'My").candidates.first?.appendsSpace == false)
      #expect(harness.tab("open My\\ F") == "open My\\ Files/")
      #expect(harness.tab("open \"My Files\"/") == "open \"My Files\"/report.json ")
    }
  }

  @Test func aCommentMarkIsEscapedAtTheStartOfAWord() async throws {
    try await inFolder { harness, _ in
      #expect(harness.insertions("open #") == [])  // a comment, not a word
      #expect(harness.insertions("open \\#") == ["\\#odd.json"])
    }
  }

  @Test func tildeExpandsFromHome() async throws {
    try await inFolder { harness, _ in
      #expect(harness.tab("open ~") == "open ~/")
      #expect(harness.tab("open ~/su") == "open ~/sub/")
      #expect(harness.insertions("open ~/sub/") == ["~/sub/inner.json"])
    }
  }

  @Test func variablesInAPathAreExpandedButKept() async throws {
    try await inFolder { harness, _ in
      #expect(harness.tab("open $DIR/su") == "open $DIR/sub/")
      #expect(harness.tab("open ${DIR}/sub/i") == "open ${DIR}/sub/inner.json ")
      #expect(harness.insertions("open $NOPE/su").isEmpty)
    }
  }

  @Test func absolutePaths() async throws {
    try await inFolder { harness, folder in
      #expect(harness.insertions("open \(folder)/se") == ["\(folder)/session.json"])
      #expect(harness.insertions("open /nonexistent-bcsh-folder/").isEmpty)
    }
  }

  @Test func saveFileThenItsOptions() async throws {
    try await inFolder { harness, _ in
      #expect(harness.insertions("save --format txt se") == ["session.json"])
      #expect(harness.insertions("save --force su") == ["sub/"])
    }
  }
}
