import Foundation
import Testing

/// Issue 10, rows 2 and 13 and the NUL byte: standard input and output at their limits.
@Suite struct StreamLimitTests {
  /// Runs the binary with `stdin` and `stdout` opened from the given files (such as /dev/zero and
  /// /dev/full); returns its status and standard error.
  func run(_ bcsh: Bcsh, _ arguments: [String], stdin: String, stdout: String) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Bcsh.binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: bcsh.folder)
    process.environment = ["HOME": bcsh.folder, "PATH": "/usr/bin:/bin", "TERM": "dumb"]
    process.standardInput = FileHandle(forReadingAtPath: stdin)
    process.standardOutput = FileHandle(forWritingAtPath: stdout)
    let error = Pipe()
    process.standardError = error
    try process.run()
    let errData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: errData, as: UTF8.self))
  }

  @Test func aWriteErrorOnStandardOutputIsStatus2() throws {
    let (status, stderr) = try run(Bcsh(), ["-c", "help"], stdin: "/dev/null", stdout: "/dev/full")
    #expect(status == 2)
    #expect(stderr == "bcsh: cannot write to standard output: no space left on device\n")
  }

  @Test func endlessStandardInputEndsAtTheLimit() throws {
    let bcsh = Bcsh()
    let (status, stderr) = try run(bcsh, [], stdin: "/dev/zero", stdout: "/dev/null")
    #expect(status == 2)
    #expect(stderr.contains("error: standard input is too large (over 16 MiB)"), "\(stderr)")
    let (setStatus, setError) = try run(
      bcsh, ["-c", "token new abcd; token set access-token --stdin"], stdin: "/dev/zero", stdout: "/dev/null")
    #expect(setStatus == 2)
    #expect(setError.contains("error: standard input is too large (over 16 MiB)"), "\(setError)")
  }

  @Test func aNULByteDoesNotCutOutputShort() throws {
    let bcsh = Bcsh()
    bcsh.write("nul.bcsh", "echo before\u{0}after\necho next\n")
    let result = try bcsh.run(["nul.bcsh"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "before\u{0}after\nnext\n")
  }
}
