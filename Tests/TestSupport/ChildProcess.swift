import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// A program a test runs to its end: its arguments, standard input, environment and folder in; its
/// exit status and standard output and error out. Every test target runs programs with this one.
public enum ChildProcess {
  public struct Result: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// Whether the run outlived its bound and was killed.
    public var timedOut: Bool
  }

  /// Runs `executable` with `arguments` in `folder`, with exactly `environment`, and `stdin` on
  /// its standard input. With `bound`, a run still going after it is killed (SIGKILL) and reported
  /// with `timedOut`, so that a hang fails its test instead of stopping the suite: a guard, not a
  /// timing assertion.
  public static func run(
    _ executable: String, _ arguments: [String], in folder: String? = nil, environment: [String: String],
    stdin: String = "", bound: Duration? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    process.environment = environment
    let input = Pipe()
    let output = Pipe()
    let error = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let killed = KillSwitch()
    if let bound {
      let pid = process.processIdentifier
      let (seconds, attoseconds) = bound.components
      DispatchQueue.global().asyncAfter(
        deadline: .now() + .milliseconds(Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
      ) { [process] in
        if process.isRunning {
          killed.set()
          kill(pid, SIGKILL)
        }
      }
    }
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
    // Standard error is read beside standard output: a child that fills one pipe while the test
    // waits on the other would never end.
    let errorData = Box()
    let readingErrors = DispatchGroup()
    DispatchQueue.global().async(group: readingErrors) {
      errorData.data = error.fileHandleForReading.readDataToEndOfFile()
    }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    readingErrors.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
      stderr: String(decoding: errorData.data, as: UTF8.self), timedOut: killed.isSet)
  }

  /// What one thread reads for another to take after it is done.
  private final class Box: @unchecked Sendable {
    var data = Data()
  }

  /// A flag one thread sets and another reads.
  private final class KillSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
  }
}
