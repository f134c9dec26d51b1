import Foundation
import TestSupport

/// Runs a real program (a shell, git, python3) for a test: its standard output and exit status.
enum ExternalProgram {
  struct Result {
    var status: Int32
    var output: String
  }

  /// Runs `arguments` through `/usr/bin/env` in `folder`, with `environment` added to this
  /// process's; standard input is empty and standard error is left out.
  @discardableResult
  static func run(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws
    -> Result
  {
    let ran = try ChildProcess.run(
      "/usr/bin/env", arguments, in: folder,
      environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new })
    return Result(status: ran.status, output: ran.stdout)
  }

  /// Whether `program` can be found on PATH.
  static func exists(_ program: String) -> Bool {
    (try? run(["sh", "-c", "command -v \(program)"], in: "/"))?.status == 0
  }
}
