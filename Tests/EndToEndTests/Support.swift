import Foundation
import TestSupport

/// The built `bcsh` binary, run as a user would: arguments, standard input, environment, folder.
struct Bcsh {
  static let packageRoot = PackagePaths.root
  static let binary = PackagePaths.bcsh
  static let fixtures = packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures").path
  static let examples = packageRoot.appendingPathComponent("examples").path

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Standard output with the lines a long one was wrapped into (at 80 columns, piped) joined
    /// again: a line break and the indent after it read as one space.
    var prose: String { stdout.replacing(/\n +/, with: " ") }
  }

  /// A fresh folder that is the run's current folder and HOME, removed with the last copy.
  let temporary = TemporaryFolder("e2e")
  var folder: String { temporary.path }

  init() {}

  func run(
    _ arguments: [String], stdin: String = "", environment: [String: String] = [:], executable: String? = nil
  ) throws -> Result {
    try runBounded(arguments, stdin: stdin, environment: environment, executable: executable, bound: nil)
      .result
  }

  /// Like `run`, for what might hang: a run still going after `bound` is killed (SIGKILL) and
  /// reported with `timedOut`, so that a hang fails its test instead of stopping the suite.
  func runBounded(
    _ arguments: [String], stdin: String = "", environment: [String: String] = [:], executable: String? = nil,
    bound: Duration? = .seconds(20)
  ) throws -> (result: Result, elapsed: Duration, timedOut: Bool) {
    var env = [
      "HOME": folder, "PATH": Self.packageRoot.appendingPathComponent(".build/debug").path + ":/usr/bin:/bin",
      "XDG_STATE_HOME": folder + "/state", "XDG_CONFIG_HOME": folder + "/config", "TERM": "dumb",
    ]
    env.merge(environment) { _, new in new }
    let clock = ContinuousClock()
    let start = clock.now
    let ran = try ChildProcess.run(
      executable ?? Self.binary, arguments, in: folder, environment: env, stdin: stdin, bound: bound)
    return (
      Result(status: ran.status, stdout: ran.stdout, stderr: ran.stderr), clock.now - start, ran.timedOut
    )
  }

  /// bcsh run under strace, which sends it SIG`signal` when it enters its `occurrence`-th call
  /// of `syscall` (`fsync`, `rename`): one fixed point of the run, the same in every run. The
  /// signal's default action is put back first (the test runner may ignore it, and an ignored
  /// signal stays ignored across exec). Returns the run and strace's log of bcsh's `openat`,
  /// `fsync`, `rename` and `unlink` calls, the signals it got and how it ended.
  func runTraced(
    _ arguments: [String], signal: String, at syscall: String, occurrence: Int
  ) throws -> (result: Result, trace: String) {
    let strace = "/usr/bin/strace"
    guard FileManager.default.isExecutableFile(atPath: strace) else {
      throw MissingTool(name: "strace", installedBy: "scripts/bootstrap")
    }
    let logFolder = TemporaryFolder("strace")
    let log = logFolder.path("trace")
    let (result, _, timedOut) = try runBounded(
      [
        "--default-signal=TERM,INT,HUP", strace, "-f", "-o", log, "-e", "trace=openat,fsync,rename,unlink",
        "-e", "inject=\(syscall):signal=\(signal):when=\(occurrence)", Self.binary,
      ] + arguments, executable: "/usr/bin/env", bound: .seconds(60))
    let trace = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    guard !timedOut else { throw TracedRunHung(trace: trace) }
    return (result, trace)
  }

  func path(_ name: String) -> String { folder + "/" + name }

  func read(_ name: String) -> String? {
    FileManager.default.contents(atPath: path(name)).map { String(decoding: $0, as: UTF8.self) }
  }

  func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

  func mode(_ name: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path(name))[.posixPermissions] as? NSNumber)?.intValue
  }

  func write(_ name: String, _ text: String) {
    _ = FileManager.default.createFile(atPath: path(name), contents: Data(text.utf8))
  }
}

enum Sample {
  static let accessToken = "k3jd8f0s9d8f7g6h5j4k3l2m1n0p9q8"
  static let clientID = "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p"
  static let clientSecret = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"
}

/// A run under strace that was still going after its bound (and was killed).
struct TracedRunHung: Error, CustomStringConvertible {
  var trace: String
  var description: String { "bcsh under strace did not end; the end of its trace: \(trace.suffix(2000))" }
}

/// A program a test needs that this machine does not have.
struct MissingTool: Error, CustomStringConvertible {
  var name: String
  var installedBy: String
  var description: String { "\(name) is not installed (\(installedBy) installs it)" }
}
