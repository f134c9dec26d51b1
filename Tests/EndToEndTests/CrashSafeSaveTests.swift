import Foundation
import TestSupport
import Testing

/// Saves killed or signalled at fixed points, and saves onto a full disk: the file is always the
/// old session or the new one, whole, and what a killed save left is gone after the next save.
/// `scripts/soak-saves ROUNDS` kills saves at random points, for longer; RELIABILITY.md has its
/// figures.
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

  /// The temporary files saves left in the folder.
  func debris(_ bcsh: Bcsh) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: bcsh.folder).filter { $0.contains(".bcsh-save-") }
  }

  /// The lines of a strace log a failure shows: the save's calls, the signals, how bcsh ended.
  func summary(of trace: String) -> String {
    trace.split(separator: "\n").filter {
      $0.contains(".bcsh-save-") || $0.contains("fsync") || $0.contains("---") || $0.contains("+++")
    }.joined(separator: "\n")
  }

  /// A save killed (SIGKILL, which nothing catches) at the two points that matter, each reached
  /// exactly (strace stops bcsh at its first and second `fsync`): when its temporary file holds the
  /// whole new session but has not been renamed, the file is still the old session, whole, and the
  /// temporary file is left behind; just after the rename (the folder's flush), the file is the new
  /// session, whole, and the killed save has swept what the one before left.
  @Test func aKilledSaveLeavesTheOldOrTheNewFileWholeAndTheNextSaveSweepsItsDebris() throws {
    let bcsh = Bcsh()
    bcsh.write("make.bcsh", Self.largeSessionScript(tokens: 50) + "save big.json\n")
    let made = try bcsh.run(["make.bcsh"])
    #expect(made.status == 0, "\(made.stderr)")
    let old = try #require(tokens(in: bcsh.read("big.json")))

    let beforeRename = try bcsh.runTraced(
      ["-s", "big.json", "-c", "token new killed-before; save"], signal: "KILL", at: "fsync", occurrence: 1)
    #expect(beforeRename.trace.contains("+++ killed by SIGKILL +++"), "\(summary(of: beforeRename.trace))")
    #expect(tokens(in: bcsh.read("big.json")) == old, "the old session is not whole")
    let left = try debris(bcsh)
    #expect(left.count == 1, "\(left)")
    #expect(
      tokens(in: left.first.flatMap { bcsh.read($0) }) == old + 1, "the temporary file is not the new session"
    )

    let afterRename = try bcsh.runTraced(
      ["-s", "big.json", "-c", "token new killed-after; save"], signal: "KILL", at: "fsync", occurrence: 2)
    #expect(afterRename.trace.contains("+++ killed by SIGKILL +++"), "\(summary(of: afterRename.trace))")
    #expect(tokens(in: bcsh.read("big.json")) == old + 1, "the new session is not whole")
    #expect(try debris(bcsh).isEmpty, "the save did not sweep what the killed one left")

    let after = try bcsh.run(["-s", "big.json", "-c", "token new after-the-kills; save"])
    #expect(after.status == 0, "\(after.stderr)")
    #expect(tokens(in: bcsh.read("big.json")) == old + 2)
    #expect(try debris(bcsh).isEmpty)
  }

  /// Issue 22 item 11: a SIGTERM, SIGINT or SIGHUP during a save ends bcsh without leaving the
  /// temporary file (every secret of the session) behind, even before any later save sweeps it.
  /// strace sends the signal at the save's first `fsync`, the temporary file's, written whole and
  /// not yet renamed; its log shows bcsh's handler removing that very file, then bcsh ending by the
  /// signal.
  @Test(arguments: ["TERM", "INT", "HUP"]) func aSignalDuringASaveLeavesNoTemporaryFile(_ signal: String)
    throws
  {
    let bcsh = Bcsh()
    let made = try bcsh.run([
      "-c", "token new first-one; token set client-id \(Sample.clientID); save big.json",
    ])
    #expect(made.status == 0, "\(made.stderr)")
    let run = try bcsh.runTraced(
      ["-s", "big.json", "-c", "token new signalled; save"], signal: signal, at: "fsync", occurrence: 1)
    let trace = run.trace
    let shown = summary(of: trace)
    let opened = try #require(
      trace.firstMatch(of: /openat\(AT_FDCWD, "([^"]*\.bcsh-save-[^"]*)", [^)]*O_EXCL[^)]*\) = (\d+)/),
      "no temporary file in the trace: \(shown)")
    let (temporary, descriptor) = (String(opened.1), String(opened.2))
    let flushed = try #require(trace.range(of: "fsync(\(descriptor))"), "\(shown)")
    let signalled = try #require(trace.range(of: "--- SIG\(signal) "), "\(shown)")
    let removed = try #require(
      trace.range(of: "unlink(\"\(temporary)\") = 0"), "no handler removed it: \(shown)")
    let ended = try #require(trace.range(of: "+++ killed by SIG\(signal) +++"), "\(shown)")
    #expect(flushed.lowerBound < signalled.lowerBound)
    #expect(signalled.lowerBound < removed.lowerBound && removed.lowerBound < ended.lowerBound)
    #expect(try debris(bcsh).isEmpty)
    #expect(tokens(in: bcsh.read("big.json")) == 1)
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
