import Foundation
import TestSupport
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Issue 10, rows 5, 12, 14 and 15: saves that wait for each other, clean up after killed ones,
/// never replace a device, and session files that cannot smuggle lines into other files.
@Suite(.serialized) struct SaveSafetyTests {
  @Test func aSaveRemovesTheDebrisOfKilledSavesOfTheSameFile() throws {
    let folder = TemporaryFolder("core")
    let debris = [".s.json.bcsh-save-Ab12Cd", ".s.json.bcsh-save-000000"]
    // Issue 22 item 11: only what a save makes is swept, by more than its name. The user's own
    // `.s.json.bcsh-backup` (the old name shape), a file of the right name but another mode, and
    // one with a second link stay.
    let kept = [
      ".other.json.bcsh-save-Ab12Cd", ".s.json.bcsh-save-toolong1", "s.json.bcsh-save-Ab12Cd", "notes.txt",
      ".s.json.bcsh-backup", ".s.json.bcsh-Ab12Cd", ".s.json.bcsh-save-Mode44", ".s.json.bcsh-save-Linked",
      "link-to-linked",
    ]
    for name in debris + kept {
      #expect(FileManager.default.createFile(atPath: folder.path(name), contents: Data("secret".utf8)))
      chmod(folder.path(name), 0o600)
    }
    chmod(folder.path(".s.json.bcsh-save-Mode44"), 0o644)
    unlink(folder.path("link-to-linked"))
    #expect(link(folder.path(".s.json.bcsh-save-Linked"), folder.path("link-to-linked")) == 0)
    _ = try AtomicFile.write("new", to: folder.path("s.json"), expected: nil, force: false)
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(left == (kept + ["s.json"]).sorted())
  }

  /// Issue 22 item 11: a file the user made read-only is not replaced without --force, and keeps
  /// its mode when it is; a file wider than 0600 is narrowed to 0600.
  @Test func aReadOnlyFileIsReplacedOnlyWithForceAndStaysReadOnly() throws {
    let folder = TemporaryFolder("core")
    let path = folder.path("s.json")
    let first = try AtomicFile.write("one", to: path, expected: nil, force: false)
    chmod(path, 0o400)
    let fingerprint = try #require(FileFingerprint.of(path))
    #expect(fingerprint.inode == first.inode)
    #expect(throws: BcshError.self) {
      try AtomicFile.write("two", to: path, expected: fingerprint, force: false)
    }
    #expect(try AtomicFile.read(path) == "one")
    _ = try AtomicFile.write("three", to: path, expected: fingerprint, force: true)
    #expect(try AtomicFile.read(path) == "three")
    #expect(TestFiles.mode(path) == 0o400)
    chmod(path, 0o644)
    _ = try AtomicFile.write("four", to: path, expected: FileFingerprint.of(path), force: false)
    #expect(TestFiles.mode(path) == 0o600)
  }

  /// git failing in the folder (here a corrupt `.git/HEAD`) cannot say whether it would track the
  /// file: save refuses (exit 2) and writes nothing; `--force` saves, with a warning.
  @Test func aGitThatFailsRefusesTheSaveUnlessForced() async throws {
    let t = TestShell()
    try FileManager.default.createDirectory(atPath: t.path("repo"), withIntermediateDirectories: true)
    try ExternalProgram.run(["git", "init", "-q", "."], in: t.path("repo"))
    try "garbage\n".write(toFile: t.path("repo/.git/HEAD"), atomically: true, encoding: .utf8)
    #expect(await t.run("token new abcd; path set abc123; save repo/s.json") == .commandFailed)
    #expect(t.output.error.contains("git failed (exit 128)"), "\(t.output.error)")
    #expect(t.output.error.contains("nothing was saved"))
    #expect(t.read("repo/s.json") == nil)
    #expect(await t.run("save repo/s.json --force") == .success, "\(t.output.error)")
    #expect(t.read("repo/s.json") != nil)
    #expect(t.output.error.contains("warning: git failed (exit 128)"), "\(t.output.error)")
  }

  /// Issue 22 item 11: a byte order mark is taken off every file bcsh reads.
  @Test func aByteOrderMarkIsAcceptedInSessionFilesAndScripts() async throws {
    let t = TestShell()
    #expect(await t.run("token new abcd; path set abc123; save s.json") == .success)
    t.write("bom.json", "\u{FEFF}" + (t.read("s.json") ?? ""))
    t.write("bom.bcsh", "\u{FEFF}token new efgh\n")
    t.write("requests.txt", "\u{FEFF}GET /v3/catalog/products\n")
    #expect(await t.run("open --discard bom.json") == .success, "\(t.output.error)")
    #expect(await t.run("source bom.bcsh") == .success, "\(t.output.error)")
    #expect(await t.run("scope need --file requests.txt") == .success, "\(t.output.error)")
    #expect(t.state.session.tokens.map(\.name) == ["abcd", "efgh"])
  }

  /// Never run against a real device such as /dev/null: without the fix the test itself would
  /// replace it. A device node of its own is made where that is permitted (as root).
  @Test func onlyRegularFilesAreReplaced() throws {
    let folder = TemporaryFolder("core")
    let fifo = folder.path("fifo.json")
    #expect(mkfifo(fifo, 0o600) == 0)
    try FileManager.default.createDirectory(
      atPath: folder.path("dir.json"), withIntermediateDirectories: false)
    var cases = [(fifo, "a FIFO"), (folder.path("dir.json"), "a folder")]
    // The same device as /dev/null (major 1, minor 3, as glibc's makedev packs them), in the
    // test's own folder.
    if mknod(folder.path("null.json"), S_IFCHR | 0o600, dev_t((1 << 8) | 3)) == 0 {
      cases.append((folder.path("null.json"), "a device"))
    }
    for (path, kind) in cases {
      #expect {
        try AtomicFile.write("secrets", to: path, expected: nil, force: true)
      } throws: { error in
        // The message names what the path is.
        (error as? BcshError).map {
          $0.code == .fileSystem && $0.message.hasSuffix("is \(kind); bcsh saves only over regular files")
        } == true
      }
    }
    var info = stat()
    #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    if cases.count == 3 {
      #expect(lstat(folder.path("null.json"), &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }
  }

  @Test func aSymbolicLinkIsWrittenThroughAndKept() throws {
    let folder = TemporaryFolder("core")
    try FileManager.default.createDirectory(atPath: folder.path("real"), withIntermediateDirectories: false)
    let target = folder.path("real/s.json")
    let first = try AtomicFile.write("v1", to: target, expected: nil, force: false)
    #expect(symlink(target, folder.path("link.json")) == 0)
    #expect(FileFingerprint.of(folder.path("link.json"))?.hasSameMetadata(as: first) == true)
    _ = try AtomicFile.write("v2", to: folder.path("link.json"), expected: first, force: false)
    #expect(try AtomicFile.read(target) == "v2")
    var info = stat()
    #expect(lstat(folder.path("link.json"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
  }

  /// The check and the rename happen under the folder's lock: a save waits while another holds it.
  /// At the save's first pause the test looks for the file, then lets go of the lock.
  @Test func aSaveWaitsForTheFolderLock() throws {
    let folder = TemporaryFolder("core")
    let path = folder.path("s.json")
    let held = try HeldFolderLock(folder.path)
    let clock = SteppedLockClock { _ in
      #expect(FileFingerprint.of(path) == nil, "the save wrote while another held the lock")
      held.release()
    }
    _ = try AtomicFile.write(
      "mine", to: path, expected: nil, force: false, shownAs: nil, lockClock: clock.lockClock)
    #expect(clock.pauses == 1, "the save did not wait for the lock")
    #expect(try AtomicFile.read(path) == "mine")
  }

  /// Issue 22, item 3: a lock another process holds for good (another user's save in a shared
  /// folder) ends the wait after a few seconds, with a clear error that says who holds it.
  @Test func aLockHeldTooLongEndsTheSaveAndSaysWhoHoldsIt() throws {
    let folder = TemporaryFolder("core")
    let path = folder.path("s.json")
    let held = try HeldFolderLock(folder.path)
    defer { held.release() }
    let clock = SteppedLockClock()
    #expect {
      try AtomicFile.write(
        "mine", to: path, expected: nil, force: false, shownAs: nil, lockClock: clock.lockClock)
    } throws: { error in
      guard let error = error as? BcshError else { return false }
      #expect(error.status == .commandFailed)
      #expect(error.code == .busy, "\(error.message)")
      // The one test of this kind's wording: it names the process holding the lock.
      #expect(error.message.contains("another process has been saving in"), "\(error.message)")
      #expect(error.message.contains("for over 5 seconds"), "\(error.message)")
      #expect(error.message.contains("pid \(getpid())"), "\(error.message)")
      #expect(error.message.hasSuffix("; nothing was saved"), "\(error.message)")
      return true
    }
    #expect(clock.elapsed >= FolderLock.patience, "gave up after \(clock.elapsed)")
    #expect(clock.elapsed < FolderLock.patience + .seconds(1), "gave up only after \(clock.elapsed)")
    #expect(FileFingerprint.of(path) == nil)
  }

  /// Issue 22, item 3: Ctrl-C (and SIGTERM, in the interactive shell) cancel the command, and a
  /// save waiting for the lock stops waiting at once: the task is cancelled at the save's first
  /// pause, and there is no second.
  @Test func aCancelledSaveStopsWaitingForTheLock() async throws {
    let folder = TemporaryFolder("core")
    let path = folder.path("s.json")
    let held = try HeldFolderLock(folder.path)
    defer { held.release() }
    let clock = SteppedLockClock { _ in withUnsafeCurrentTask { $0?.cancel() } }
    let writer = Task.detached {
      try AtomicFile.write(
        "mine", to: path, expected: nil, force: false, shownAs: nil, lockClock: clock.lockClock)
    }
    let outcome = await writer.result
    guard case .failure(let error as BcshError) = outcome else {
      Issue.record("the cancelled save did not fail: \(outcome)")
      return
    }
    #expect(error.status == .interrupted, "\(error.message)")
    #expect(error.code == .interrupted)
    #expect(clock.pauses == 1, "the save went on waiting after it was cancelled")
    #expect(FileFingerprint.of(path) == nil)
  }

  @Test(arguments: [
    ("access_token", "abcd\nAPI PATH: https://evil.example/", "contains blanks or several lines"),
    ("client_id", "id\u{1B}[2J", "contains control characters"),
    ("client_secret", String(repeating: "a", count: 2000), "is longer than 1024 bytes"),
  ])
  func aSessionFileIsCheckedLikeTokenSet(field: String, value: String, problem: String) throws {
    var token = Token(name: "injected", kind: .store)
    switch field {
    case "access_token": token.accessToken = Secret(value)
    case "client_id": token.clientID = value
    default: token.clientSecret = Secret(value)
    }
    var session = Session()
    try session.add(token)
    let text = SessionFile.rendered(session)
    #expect {
      try SessionFile.parse(text, source: "s.json")
    } throws: { error in
      // The same words as `token set`'s refusal.
      (error as? BcshError).map { $0.code == .invalidFile && $0.message.hasSuffix(problem) } == true
    }
  }

  @Test func tokenSetRefusesControlCharacters() async {
    let t = TestShell(environment: ["V": "abc\u{0}def"])
    await t.run("token new leaktest")
    #expect(await t.run("token set client-id --env V") == .commandFailed)
    #expect(t.output.error.contains("the client-id contains control characters"))
  }
}
