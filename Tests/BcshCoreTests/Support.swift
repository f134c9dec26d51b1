import BcshProcesses
import Foundation
import TestSupport
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// A shell with captured output in a fresh temporary folder.
final class TestShell {
  let shell: Shell
  let output: CapturedOutput
  /// Removed with the shell.
  let temporary = TemporaryFolder("core")
  var folder: String { temporary.path }

  /// `width`: the terminal width output is wrapped at (nil: no wrapping).
  init(
    options: ShellOptions = ShellOptions(), json: Bool = false, environment: [String: String] = [:],
    width: Int? = nil
  ) {
    output = CapturedOutput()
    let folder = temporary.path
    var env = ShellEnvironment(
      variables: environment.merging(["HOME": folder]) { a, _ in a }, currentDirectory: folder)
    env.ports.now = { Date(timeIntervalSince1970: 1_790_000_000) }
    env.ports.processes = SpawnedProcesses()
    env.ports.files = LocalFiles()
    shell = Shell(
      environment: env, options: options, format: OutputFormat(json: json, columns: { width }), writer: output
    )
  }

  /// Runs `script` as a script named `test.bcsh`; returns its status.
  @discardableResult
  func run(_ script: String) async -> ShellExitStatus {
    await shell.run(script: script, source: "test.bcsh", path: folder + "/test.bcsh")
  }

  var state: ShellState { shell.state }

  func path(_ name: String) -> String { folder + "/" + name }

  func write(_ name: String, _ text: String) {
    _ = FileManager.default.createFile(atPath: path(name), contents: Data(text.utf8))
  }

  func read(_ name: String) -> String? {
    FileManager.default.contents(atPath: path(name)).map { String(decoding: $0, as: UTF8.self) }
  }
}

enum TestFiles {
  /// A fresh folder, removed when the returned value goes.
  static func makeFolder() -> TemporaryFolder { TemporaryFolder("core") }

  static func mode(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
  }
}

/// Golden files under Tests/BcshCoreTests/Golden: what users see, pinned. `BCSH_UPDATE_GOLDEN=1`
/// rewrites them.
enum Golden {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Golden")

  static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["BCSH_UPDATE_GOLDEN"] == "1" {
      try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try! Data(actual.utf8).write(to: url)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "missing golden file \(name); run with BCSH_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
      return
    }
    #expect(actual == expected, "differs from Golden/\(name)", sourceLocation: sourceLocation)
  }
}

/// Sample credentials in the formats real ones have (31 [0-9a-z]; 64 hex).
enum Sample {
  static let accessToken = "k3jd8f0s9d8f7g6h5j4k3l2m1n0p9q8"
  static let clientID = "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p"
  static let clientSecret = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"
}
