import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Saves killed at random points, and saves onto a full disk: the file is always the old session or
/// the new one, whole, and what a killed save left is gone after the next save.
/// `scripts/soak-saves ROUNDS` runs the kill loop longer; RELIABILITY.md has its figures.
@Suite(.serialized) struct CrashSafeSaveTests {
  /// A session of `count` tokens, each with scopes, a path and credentials: about 1 KiB each.
  static func largeSessionScript(tokens count: Int) -> String {
    (0..<count).map { index in
      "token new load-token-\(index); scope preset migration-to; path set abc\(index)xyz; "
        + "token set client-id \(Sample.clientID)\n"
    }.joined()
  }

  func tokens(in text: String?) -> Int? {
    guard let text, let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
      let session = object["session"] as? [String: Any], let tokens = session["tokens"] as? [Any]
    else { return nil }
    return tokens.count
  }

  @Test func killedSavesLeaveTheOldOrTheNewFileAndNoDebrisAfterTheNextSave() throws {
    let bcsh = Bcsh()
    bcsh.write("make.bcsh", Self.largeSessionScript(tokens: 150) + "save big.json\n")
    let made = try bcsh.run(["make.bcsh"])
    #expect(made.status == 0, "\(made.stderr)")
    var count = try #require(tokens(in: bcsh.read("big.json")))
    var killedMidway = 0
    for round in 0..<40 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: Bcsh.binary)
      process.arguments = ["-s", "big.json", "-c", "token new killed-\(round); save"]
      process.currentDirectoryURL = URL(fileURLWithPath: bcsh.folder)
      process.environment = ["HOME": bcsh.folder, "PATH": "/usr/bin:/bin"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(UInt32.random(in: 0...80_000))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let now = tokens(in: bcsh.read("big.json"))
      #expect(
        now == count || now == count + 1,
        "round \(round): the file holds \(now.map(String.init) ?? "no session")")
      if process.terminationReason == .uncaughtSignal { killedMidway += 1 }
      count = now ?? count
    }
    #expect(killedMidway > 0)
    #expect(try bcsh.run(["-s", "big.json", "-c", "token new after-the-kills; save"]).status == 0)
    let debris = try FileManager.default.contentsOfDirectory(atPath: bcsh.folder).filter {
      $0.contains(".bcsh-")
    }
    #expect(debris.isEmpty, "\(debris)")
  }

  /// Issue 22 item 11: a SIGTERM, SIGINT or SIGHUP during a save ends bcsh without leaving the
  /// temporary file (every secret of the session) behind, even before any later save sweeps it.
  /// bcsh is stopped (SIGSTOP) again and again while it saves; once it is caught with its
  /// temporary file on disk, the signal is sent while it is stopped, so it lands inside the save.
  @Test(arguments: [SIGTERM, SIGINT, SIGHUP]) func aSignalDuringASaveLeavesNoTemporaryFile(_ signal: Int32)
    throws
  {
    let bcsh = Bcsh()
    // A session large enough that each save's temporary file stays on disk long enough to be
    // caught on a quiet machine too.
    bcsh.write("make.bcsh", Self.largeSessionScript(tokens: 300) + "save big.json\n")
    let made = try bcsh.run(["make.bcsh"])
    #expect(made.status == 0, "\(made.stderr)")
    func debris() throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: bcsh.folder).filter { $0.contains(".bcsh-save-") }
    }
    func isStopped(_ pid: Int32) -> Bool {
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { return false }
      return stat[stat.index(close, offsetBy: 2)] == "T"
    }
    var caught = 0
    for round in 0..<8 where caught < 1 {
      // The test runner may ignore these signals, and an ignored signal stays ignored across
      // exec: env puts their default action back, as a shell started from a terminal has it.
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = [
        "--default-signal=TERM,INT,HUP", Bcsh.binary, "-s", "big.json", "-c",
        "token new signalled-\(round)" + String(repeating: "; save --force copy.json", count: 30),
      ]
      process.currentDirectoryURL = URL(fileURLWithPath: bcsh.folder)
      process.environment = ["HOME": bcsh.folder, "PATH": "/usr/bin:/bin"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      let pid = process.processIdentifier
      var signalled = false
      // Bounded by time, not by a count of stops: a count can run out while bcsh is still
      // opening the session, before its first save. Each stop is waited for at most 200 looks.
      let deadline = Date().addingTimeInterval(20)
      while process.isRunning && !signalled && Date() < deadline {
        kill(pid, SIGSTOP)
        for _ in 0..<200 where !isStopped(pid) {}
        if isStopped(pid), try !debris().isEmpty {
          kill(pid, signal)
          signalled = true
        }
        kill(pid, SIGCONT)
        // Let it run a moment between stops, so that the stops sample its whole run.
        usleep(300)
      }
      if !signalled { kill(pid, SIGKILL) }
      process.waitUntilExit()
      guard signalled else { continue }
      caught += 1
      #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
      let left = try debris()
      #expect(left.isEmpty, "round \(round): \(left)")
      for name in left { try? FileManager.default.removeItem(atPath: bcsh.path(name)) }
    }
    #expect(caught > 0, "bcsh was never caught with its temporary file on disk")
  }

  /// A 64 KiB tmpfs (as root; skipped where mounting is not permitted): the save that does not fit
  /// fails with the disk named, and the old file stays whole.
  @Test func aFullDiskFailsTheSaveAndKeepsTheOldFile() throws {
    let bcsh = Bcsh()
    let disk = bcsh.path("disk")
    try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: false)
    let mount = Process()
    mount.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    mount.arguments = ["mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", disk]
    mount.standardError = FileHandle.nullDevice
    try mount.run()
    mount.waitUntilExit()
    guard mount.terminationStatus == 0 else {
      print("skipped: mounting a small tmpfs is not permitted here (needs root)")
      return
    }
    defer {
      let unmount = Process()
      unmount.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      unmount.arguments = ["umount", disk]
      try? unmount.run()
      unmount.waitUntilExit()
    }
    let small = try bcsh.run(["-c", "token new small-one; save disk/s.json"])
    #expect(small.status == 0, "\(small.stderr)")
    let before = bcsh.read("disk/s.json")
    bcsh.write("grow.bcsh", Self.largeSessionScript(tokens: 120) + "save\n")
    let full = try bcsh.run(["-s", "disk/s.json", "grow.bcsh"])
    #expect(full.status == 2)
    #expect(full.stderr.contains("no space left on device"), "\(full.stderr)")
    #expect(full.stderr.contains("hint: the disk is full; the old file is untouched"))
    #expect(bcsh.read("disk/s.json") == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: disk) == ["s.json"])
  }
}
