import Foundation
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// Tests assert an error's code; the wording of each kind is pinned once, here, in
/// Golden/error-kinds.txt, as the code that throws it words it: the model's and the files' kinds
/// as they throw them, then the shell's (`unsavedChanges`, a command's `notReady`, `terminal`,
/// `interrupted`) as a script reports them. Kinds thrown only where a test cannot reach without
/// timing or a keyring daemon (`busy`, `keyring`, `network`) and `internal` are pinned by the one
/// test of their wording: SaveSafetyTests, EffectsTests, KeyringTests.
@Suite struct ErrorKindTests {
  private func failure(_ body: () throws -> Void) -> BcshError? {
    do {
      try body()
      return nil
    } catch {
      return error as? BcshError
    }
  }

  /// The error a fresh shell reports last when `script` runs in a task cancelled or not.
  private func reported(by script: String, cancelled: Bool = false) async -> BcshError? {
    await Task { () async -> BcshError? in
      let t = TestShell()
      if cancelled { withUnsafeCurrentTask { $0?.cancel() } }
      await t.run(script)
      return t.output.errors.last
    }.value
  }

  @Test func eachKindIsWordedAsPinned() async throws {
    let folder = TestFiles.makeFolder()
    let file = folder.path("s.json")
    let fingerprint = try AtomicFile.write("v1", to: file, expected: nil, force: false)
    try Data("edited elsewhere".utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
    try FileManager.default.createDirectory(atPath: folder.path("sub"), withIntermediateDirectories: false)
    let place = SourcePosition(source: "test.bcsh", line: 1, column: 12)

    let samples: [(BcshError.Code, BcshError?)] = [
      (
        .syntax,
        failure {
          var lexer = Lexer("echo 'open", source: "test.bcsh"); _ = try lexer.commands()
        }
      ),
      (.usage, failure { _ = try RequestReader.requests(fromWords: [("GET", place)]) }),
      (.unknownName, failure { _ = try ScopeCatalog.resolveGrant("prodcts", for: .store) }),
      (.invalidValue, failure { _ = try APIPath.parse("https://example.com") }),
      (.invalidFile, failure { _ = try CredentialsFile.parse("", source: "creds.txt") }),
      (
        .alreadyExists,
        failure {
          var session = Session()
          try session.add(Token(name: "abcd", kind: .store))
          try session.add(Token(name: "abcd", kind: .store))
        }
      ),
      (
        .changedOnDisk,
        failure {
          _ = try AtomicFile.write("v2", to: file, expected: fingerprint, force: false, shownAs: "s.json")
        }
      ),
      (.notReady, failure { _ = try Session().requireCurrent() }),
      (
        .fileNotFound, failure { _ = try AtomicFile.read(folder.path("missing.txt"), shownAs: "missing.txt") }
      ),
      (.fileSystem, failure { _ = try AtomicFile.read(folder.path("sub"), shownAs: "sub") }),
      (
        .unsupported,
        failure { _ = try Ports().keyring() }
      ),
      (.unsavedChanges, await reported(by: "token new abcd; open s.json")),
      (.notReady, await reported(by: "token new abcd; save")),
      (.terminal, await reported(by: "token new abcd; token set access-token")),
      (.interrupted, await reported(by: "token new abcd", cancelled: true)),
    ]
    var text = ""
    for (code, error) in samples {
      #expect(error?.code == code, "\(code)")
      let shown = (error?.description ?? "no error").replacing(folder.path, with: "FOLDER")
      text += "\(code): \(shown)\n"
    }
    Golden.check(text, "error-kinds.txt")
  }
}
