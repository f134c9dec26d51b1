import Foundation
import TestSupport
import Testing

/// Issue 22, item 2: a FIFO (or any file that is not a regular one) named where bcsh reads a file
/// is refused at once, in every place a file is read, instead of blocking forever.
@Suite struct SpecialFileTests {
  /// Every way a file reaches bcsh: the command line and each command that reads one.
  static let forms: [(String, [String], [String: String])] = [
    ("open", ["-c", "open fifo"], [:]),
    ("-s", ["-s", "fifo", "-c", "status"], [:]),
    ("a script", ["fifo"], [:]),
    ("token import", ["-c", "token import fifo"], [:]),
    ("token set --file", ["-c", "token new test; token set access-token --file fifo"], [:]),
    ("source", ["-c", "source fifo"], [:]),
    ("scope need --file", ["-c", "scope need --file fifo"], [:]),
    ("verify --for", ["-c", "token new test; path set abc123; verify --for fifo"], [:]),
    ("sandbox serve --config", ["sandbox", "serve", "--config", "fifo"], [:]),
    ("sandbox serve --tls-cert", ["sandbox", "serve", "--tls-cert", "fifo", "--tls-key", "fifo"], [:]),
  ]

  @Test func aFIFOIsRefusedWhereverAFileIsRead() throws {
    let bcsh = Bcsh()
    #expect(mkfifo(bcsh.path("fifo"), 0o600) == 0)
    for (form, arguments, environment) in Self.forms {
      let (result, elapsed, timedOut) = try bcsh.runBounded(
        arguments, environment: environment, bound: .seconds(20))
      #expect(!timedOut, "\(form): still reading the FIFO after \(elapsed)")
      #expect(result.status == 2, "\(form): status \(result.status), \(result.stderr)")
      #expect(
        result.stderr.contains("'fifo' is a FIFO; bcsh reads only regular files"), "\(form): \(result.stderr)"
      )
    }
  }

  @Test func aFIFOAsTheCABundleIsRefused() throws {
    let bcsh = Bcsh()
    #expect(mkfifo(bcsh.path("fifo"), 0o600) == 0)
    let silent = try SilentListener()
    let (result, elapsed, timedOut) = try bcsh.runBounded(
      ["-c", "token new test; path set abc123; token set access-token --env AT; verify --timeout 5"],
      environment: [
        "BCSH_CA_BUNDLE": bcsh.path("fifo"), "BCSH_API_BASE": "https://127.0.0.1:\(silent.port)",
        "AT": "k3jd8f0s9d8f7g6h5j4k3l2m1n0p9q8",
      ])
    #expect(!timedOut, "still reading the FIFO after \(elapsed)")
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stdout.contains("BCSH_CA_BUNDLE cannot be used:"), "\(result.stdout)")
    #expect(result.stdout.contains("is a FIFO"), "\(result.stdout)")
  }

  @Test func standardInputNamedAsAFileIsStillRead() throws {
    let bcsh = Bcsh()
    let (result, _, timedOut) = try bcsh.runBounded(["/dev/stdin"], stdin: "echo from-a-pipe\n")
    #expect(!timedOut)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "from-a-pipe\n")
  }
}

/// Issue 22, item 8: a running bcsh can dump no core (its memory holds secrets).
@Suite struct CoreDumpTests {
  @Test func aRunningBcshHasNoCoreLimitAndIsNotDumpable() throws {
    let bcsh = Bcsh()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Bcsh.binary)
    process.arguments = ["--no-history"]
    process.currentDirectoryURL = URL(fileURLWithPath: bcsh.folder)
    process.environment = ["HOME": bcsh.folder, "TERM": "dumb", "PATH": "/usr/bin:/bin"]
    // Standard input stays open: bcsh waits for commands while the test looks at it.
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = Pipe()
    process.standardError = Pipe()
    try process.run()
    defer {
      try? input.fileHandleForWriting.close()
      process.waitUntilExit()
    }
    let pid = process.processIdentifier
    // Give it a moment to reach its read of standard input, past the start-up code.
    var limits = ""
    for _ in 0..<100 {
      usleep(50_000)
      limits = (try? String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)) ?? ""
      if limits.contains("Max core file size") && limitsLine(limits).hasSuffix("0 0 bytes") { break }
    }
    let line = limitsLine(limits)
    #expect(
      line.split(separator: " ", omittingEmptySubsequences: true).suffix(3) == ["0", "0", "bytes"], "\(line)")
    // Not dumpable: /proc/PID belongs to root (visible only to a test that is not root itself).
    if getuid() != 0 {
      var info = stat()
      #expect(stat("/proc/\(pid)/status", &info) == 0)
      #expect(info.st_uid == 0, "/proc/\(pid)/status belongs to uid \(info.st_uid): the process is dumpable")
    }
  }

  private func limitsLine(_ limits: String) -> String {
    limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") }.map(String.init) ?? ""
  }
}
