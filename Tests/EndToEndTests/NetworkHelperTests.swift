import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Issue 22, item 15: bcsh links no HTTP stack (its requests and the sandbox are bcsh-net's,
/// started on first use), says so plainly when its helper is missing, and never leaves a helper
/// behind, even when it is killed.
@Suite struct NetworkHelperTests {
  static let migrationVerify =
    "token new migration; token set access-token --env SANDBOX_MIGRATION_ACCESS_TOKEN; "
    + "path set $SANDBOX_STORE_HASH; scope add products; verify"

  /// The modules of the HTTP stack, as their names appear in the symbols of a binary that links them.
  static let httpModules = ["8NIOPosix", "15AsyncHTTPClient", "6NIOSSL", "CNIOBoringSSL"]

  @Test func bcshLinksNoHTTPStackAndItsHelperDoes() throws {
    let bcsh = try Data(contentsOf: URL(fileURLWithPath: PackagePaths.bcsh))
    let helper = try Data(contentsOf: URL(fileURLWithPath: PackagePaths.bcshNet))
    for module in Self.httpModules {
      #expect(bcsh.range(of: Data(module.utf8)) == nil, "bcsh links \(module)")
      #expect(helper.range(of: Data(module.utf8)) != nil, "bcsh-net does not link \(module)")
    }
  }

  @Test func theSandboxAndVerifyGoThroughTheHelper() throws {
    let result = try Bcsh().run(["--sandbox", "-c", Self.migrationVerify])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("result: ok"))
  }

  /// bcsh alone in a folder, without bcsh-net beside it or in ../libexec/bcsh.
  private func lonelyBcsh() throws -> (folder: TemporaryFolder, path: String) {
    let folder = TemporaryFolder("lonely")
    let path = folder.path + "/bcsh"
    try FileManager.default.copyItem(atPath: PackagePaths.bcsh, toPath: path)
    return (folder, path)
  }

  @Test func aMissingHelperIsSaidWithWhereBcshLookedAndTheFix() throws {
    let (folder, path) = try lonelyBcsh()
    let bcsh = Bcsh()
    let sandbox = try bcsh.run(["--sandbox", "-c", "echo never"], executable: path)
    #expect(sandbox.status == 2)
    #expect(!sandbox.stdout.contains("never"))
    #expect(
      sandbox.stderr.contains("bcsh: error: cannot start the sandbox: bcsh's network helper bcsh-net is not ")
    )
    let parent = URL(fileURLWithPath: folder.path).deletingLastPathComponent().path
    #expect(
      sandbox.stderr.contains(
        "installed (looked for '\(folder.path)/bcsh-net' and '\(parent)/libexec/bcsh/bcsh-net')"),
      "\(sandbox.stderr)")
    #expect(sandbox.stderr.contains("hint: install bcsh with scripts/install"))

    let serve = try bcsh.run(["sandbox", "serve", "--port", "0"], executable: path)
    #expect(serve.status == 2)
    #expect(
      serve.stderr.contains("cannot start the sandbox: bcsh's network helper bcsh-net is not"),
      "\(serve.stderr)")

    // Everything that sends nothing still works; verify says why it cannot send.
    let verify = try bcsh.run(
      [
        "-c",
        "token new demo-store; token set access-token --env T; path set abc123; scope add products; verify",
      ],
      environment: ["T": "abcdefghijklmnopqrstuvwxyz12345"], executable: path)
    #expect(verify.stdout.contains("created store-level token 'demo-store'"))
    #expect(verify.status == 2, "\(verify.stdout)\(verify.stderr)")
    #expect(
      (verify.stdout + verify.stderr).contains("bcsh-net is not installed"),
      "\(verify.stdout)\(verify.stderr)")
    #expect(!(verify.stdout + verify.stderr).contains("abcdefghijklmnopqrstuvwxyz12345"))
  }

  /// bcsh killed outright (SIGKILL: no handler runs) while its helper works: the sandbox's,
  /// while bcsh waits for its script on standard input, and the transport's, while a request
  /// waits on a server that never answers. The helper sees its socket end and exits.
  @Test(arguments: [true, false])
  func theHelperEndsWhenBcshIsKilled(sandbox: Bool) throws {
    let hanging = try SilentListener()
    let bcsh = Bcsh()
    let (process, input) = try Self.start(
      sandbox
        ? ["--sandbox"]
        : [
          "-c", "token new demo-store; token set access-token --env T; path set abc123; verify --timeout 60",
        ],
      environment: [
        "T": "abcdefghijklmnopqrstuvwxyz12345", "BCSH_API_BASE": "https://127.0.0.1:\(hanging.port)",
      ],
      in: bcsh)
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    let clock = ContinuousClock()
    let found = try #require(Self.helper(of: process), "no bcsh-net under bcsh")
    #expect(
      Self.command(of: found).hasSuffix(
        sandbox ? "bcsh-net --protocol 1 sandbox" : "bcsh-net --protocol 1 transport"))
    // The helper gets none of bcsh's environment but what TLS and the C library read: not a
    // credential handed in by a variable.
    let environment = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(found)/environ"))) ?? Data()
    #expect(environment.range(of: Data("abcdefghijklmnopqrstuvwxyz12345".utf8)) == nil)
    #expect(environment.range(of: Data("HOME=".utf8)) == nil)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let killed = clock.now
    // An orphan is reaped by init: a helper that exited is gone from /proc, or a zombie.
    while Self.isAlive(found) && clock.now - killed < .seconds(10) { Thread.sleep(forTimeInterval: 0.02) }
    #expect(!Self.isAlive(found), "bcsh-net \(found) outlived bcsh")
    if Self.isAlive(found) { kill(found, SIGKILL) }
    withExtendedLifetime((hanging, input)) {}
  }

  /// A sandbox helper that does not exit when bcsh is done with it (here: stopped) is killed,
  /// and bcsh ends anyway.
  @Test func aStoppedSandboxHelperDoesNotHoldBcsh() throws {
    let bcsh = Bcsh()
    let (process, input) = try Self.start(["--sandbox"], environment: [:], in: bcsh)
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    let clock = ContinuousClock()
    let found = try #require(Self.helper(of: process), "no bcsh-net under bcsh")
    kill(found, SIGSTOP)
    try input.fileHandleForWriting.close()
    let closed = clock.now
    while process.isRunning && clock.now - closed < .seconds(15) { Thread.sleep(forTimeInterval: 0.02) }
    #expect(!process.isRunning, "bcsh waited on its stopped helper")
    if !process.isRunning { #expect(process.terminationStatus == 0) }
    #expect(clock.now - closed < .seconds(10))
    #expect(!Self.isAlive(found), "the stopped helper was left")
    if Self.isAlive(found) { kill(found, SIGKILL) }
    withExtendedLifetime(bcsh) {}
  }

  /// bcsh started in `bcsh`'s folder with `arguments`, its standard input a pipe held open (and
  /// never written: with `--sandbox` and no script, bcsh waits there), its output dropped.
  private static func start(_ arguments: [String], environment: [String: String], in bcsh: Bcsh) throws
    -> (Process, Pipe)
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: PackagePaths.bcsh)
    process.arguments = arguments
    process.environment = ["HOME": bcsh.folder].merging(environment) { _, given in given }
    process.currentDirectoryURL = URL(fileURLWithPath: bcsh.folder)
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return (process, input)
  }

  /// The bcsh-net that `process` started, once it has (waiting up to 20 seconds).
  private static func helper(of process: Process) -> Int32? {
    let clock = ContinuousClock()
    let start = clock.now
    while clock.now - start < .seconds(20) {
      let helper = children(of: process.processIdentifier).first { command(of: $0).contains("bcsh-net") }
      if let helper { return helper }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return nil
  }

  private static func command(of pid: Int32) -> String {
    let bytes = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
    return String(decoding: Array(bytes.split(separator: 0).joined(separator: [32])), as: UTF8.self)
  }

  private static func children(of pid: Int32) -> [Int32] {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
    return tasks.flatMap { task in
      ((try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? "")
        .split(separator: " ").compactMap { Int32($0) }
    }
  }

  private static func isAlive(_ pid: Int32) -> Bool {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = status.lastIndex(of: ")")
    else { return false }
    let state = status[status.index(after: close)...].trimmingCharacters(in: .whitespaces).prefix(1)
    return state != "Z" && state != "X"
  }
}
