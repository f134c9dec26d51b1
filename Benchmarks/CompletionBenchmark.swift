import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
import Foundation

/// How long Tab takes: `complete(line:cursor:)` at every character boundary of lines that cover
/// every command, option, scope id, level form, UI name, token string, preset and kind of value,
/// against a shell with tokens, variables and a folder of files. The target is a p99 under 1 ms.
enum CompletionBenchmark {
  static let rounds = 5

  static func run() async throws {
    let folder = try makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let environment = ["HOME": folder, "STORE_HASH": "abc123", "PATH": "/usr/bin"]
    let store = await shell(
      "token new store-token; token new audit-ro; scope add products marketing=read-only; set STORE abc123",
      folder: folder, environment: environment)
    let account = await shell("token new account-token --account", folder: folder, environment: environment)
    let work = [
      (CompletionEngine(shell: store), lines(for: .store)),
      (CompletionEngine(shell: account), lines(for: .account)),
    ]
    let lineCount = work.reduce(0) { $0 + $1.1.count }

    var durations: [Duration] = []
    var checksum = 0
    let clock = ContinuousClock()
    for round in 0...rounds {  // round 0 warms up and is not counted
      for (engine, lines) in work {
        for line in lines {
          for cursor in cursors(in: line) {
            let start = clock.now
            let result = engine.complete(line: line, cursor: cursor)
            let elapsed = clock.now - start
            checksum &+= result.candidates.count
            if round > 0 { durations.append(elapsed) }
          }
        }
      }
    }
    report(durations.sorted(), lines: lineCount, checksum: checksum)
  }

  private static func report(_ sorted: [Duration], lines: Int, checksum: Int) {
    func percentile(_ p: Double) -> Duration {
      sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }
    func microseconds(_ duration: Duration) -> String {
      let (seconds, attoseconds) = duration.components
      return String(format: "%.1f µs", Double(seconds) * 1e6 + Double(attoseconds) / 1e12)
    }
    let p99 = percentile(0.99)
    print(
      """
      completion: \(sorted.count) calls (\(rounds) rounds over every prefix of \(lines) lines)
        p50 \(microseconds(percentile(0.50)))
        p99 \(microseconds(p99))
        max \(microseconds(sorted.last ?? .zero))
        target p99 < 1 ms: \(p99 < .milliseconds(1) ? "met" : "MISSED")
        (candidates offered in all: \(checksum))
      """)
  }

  /// Every cursor position at a character boundary, as a user moving through the line sees them.
  private static func cursors(in line: String) -> [Int] {
    var offsets = [0]
    var offset = 0
    for character in line {
      offset += character.utf8.count
      offsets.append(offset)
    }
    return offsets
  }

  private static func shell(_ script: String, folder: String, environment: [String: String]) async -> Shell {
    let shell = Shell(
      environment: ShellEnvironment(
        variables: environment, currentDirectory: folder, ports: Ports(files: LocalFiles())),
      writer: CapturedOutput())
    let status = await shell.run(script: script, source: "benchmark", path: nil)
    precondition(status == .success, "the benchmark's setup script failed")
    return shell
  }

  /// A folder like a user's: scripts, sessions, downloads, folders, hidden files.
  private static func makeFolder() throws -> String {
    let folder = FileManager.default.temporaryDirectory.path + "/bcsh-benchmark-" + UUID().uuidString
    let files = FileManager.default
    for folderName in ["sub", "Downloads", "My Files", ".config"] {
      try files.createDirectory(atPath: folder + "/" + folderName, withIntermediateDirectories: true)
    }
    var names = ["setup.bcsh", "migration.json", "credentials.txt", "notes.md", ".hidden.json"]
    names += (1...40).map { "store-\($0).json" } + (1...20).map { "Downloads/api-credentials-\($0).txt" }
    names += ["sub/inner.json", "My Files/report.json"]
    for name in names { _ = files.createFile(atPath: folder + "/" + name, contents: Data()) }
    return folder
  }
}
