import Foundation
import TestSupport

/// What a finished child process left behind.
struct RunResult {
  var status: Int32
  var stdout: String
  var stderr: String

  /// The non-empty lines of standard output, without carriage returns.
  var lines: [String] {
    stdout.replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init)
  }
}

/// Runs `command` with `arguments` (looked up on PATH) and waits for it.
///
/// The child runs under coreutils' `timeout`, so a shell that waits for input it will never get ends the test
/// with an error instead of hanging it; the limit is a guard, not a timing assertion. Output goes to files, so
/// a chatty child can never block on a full pipe.
func run(
  _ command: String, _ arguments: [String] = [], in folder: URL? = nil,
  environment overrides: [String: String] = [:], timeoutSeconds: Int = 60
) throws -> RunResult {
  let scratch = TemporaryFolder("installation")
  let stdoutURL = scratch.url.appendingPathComponent("stdout")
  let stderrURL = scratch.url.appendingPathComponent("stderr")
  try Data().write(to: stdoutURL)
  try Data().write(to: stderrURL)
  let stdout = try FileHandle(forWritingTo: stdoutURL)
  let stderr = try FileHandle(forWritingTo: stderrURL)
  defer {
    try? stdout.close()
    try? stderr.close()
  }

  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["timeout", "--kill-after=5", String(timeoutSeconds), command] + arguments
  process.environment = ProcessInfo.processInfo.environment.merging(overrides) { _, new in new }
  if let folder { process.currentDirectoryURL = folder }
  process.standardInput = FileHandle.nullDevice
  process.standardOutput = stdout
  process.standardError = stderr
  try process.run()
  process.waitUntilExit()

  let result = RunResult(
    status: process.terminationStatus,
    stdout: try String(contentsOf: stdoutURL, encoding: .utf8),
    stderr: try String(contentsOf: stderrURL, encoding: .utf8))
  if result.status == 124 {
    throw RunError.timedOut(command: ([command] + arguments).joined(separator: " "), seconds: timeoutSeconds)
  }
  return result
}

enum RunError: Error, CustomStringConvertible {
  case timedOut(command: String, seconds: Int)

  var description: String {
    switch self {
    case .timedOut(let command, let seconds): "'\(command)' did not finish within \(seconds) s"
    }
  }
}
