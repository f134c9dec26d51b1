import Foundation

/// Runs a real program (a shell, git, python3) for a test: its standard output and exit status.
enum ExternalProgram {
  struct Result {
    var status: Int32
    var output: String
  }

  /// Runs `arguments` through `/usr/bin/env` in `folder`, with `environment` added to this
  /// process's; standard input is empty and standard error is discarded.
  @discardableResult
  static func run(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws
    -> Result
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
  }

  /// Whether `program` can be found on PATH.
  static func exists(_ program: String) -> Bool {
    (try? run(["sh", "-c", "command -v \(program)"], in: "/"))?.status == 0
  }
}
