import BcshProcesses
import Foundation
import JSONText
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

@Suite(.serialized) struct StorageTests {
  @Test func writesAreMode0600() throws {
    let folder = TestFiles.makeFolder()
    let path = folder.path("s.json")
    umask(0o022)
    _ = try AtomicFile.write("{}", to: path, expected: nil, force: false)
    #expect(TestFiles.mode(path) == 0o600)
    #expect(try AtomicFile.read(path) == "{}")
  }

  @Test func overwriteNeedsAFingerprintOrForce() throws {
    let folder = TestFiles.makeFolder()
    let path = folder.path("s.json")
    _ = FileManager.default.createFile(atPath: path, contents: Data("theirs".utf8))
    #expect {
      try AtomicFile.write("mine", to: path, expected: nil, force: false)
    } throws: {
      ($0 as? BcshError)?.code == .alreadyExists
    }
    #expect(try AtomicFile.read(path) == "theirs")
    let fingerprint = try AtomicFile.write("mine", to: path, expected: nil, force: true)
    #expect(try AtomicFile.read(path) == "mine")
    #expect(TestFiles.mode(path) == 0o600)
    _ = try AtomicFile.write("again", to: path, expected: fingerprint, force: false)
  }

  @Test func refusesAFileThatChangedOnDisk() throws {
    let folder = TestFiles.makeFolder()
    let path = folder.path("s.json")
    let fingerprint = try AtomicFile.write("v1", to: path, expected: nil, force: false)
    // Someone else rewrites it (a new inode, as editors do).
    try Data("edited elsewhere".utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    do {
      _ = try AtomicFile.write("v2", to: path, expected: fingerprint, force: false)
      Issue.record("overwrote a changed file")
    } catch {
      #expect(error.code == .changedOnDisk)
      #expect(error.hint?.contains("--force") == true)
    }
    #expect(try AtomicFile.read(path) == "edited elsewhere")
  }

  /// A write that fails half-way (the file-size limit stops it, as a full disk would) leaves the
  /// old file whole and no temporary file behind.
  @Test func failedWriteLeavesTheOldFileWhole() throws {
    let folder = TestFiles.makeFolder()
    let path = folder.path("s.json")
    let fingerprint = try AtomicFile.write("old contents", to: path, expected: nil, force: false)
    var old = rlimit()
    getrlimit(Int32(RLIMIT_FSIZE.rawValue), &old)
    signal(SIGXFSZ, SIG_IGN)
    var small = old
    small.rlim_cur = 4096
    setrlimit(Int32(RLIMIT_FSIZE.rawValue), &small)
    defer { setrlimit(Int32(RLIMIT_FSIZE.rawValue), &old) }
    let big = String(repeating: "x", count: 100_000)
    #expect(throws: BcshError.self) {
      try AtomicFile.write(big, to: path, expected: fingerprint, force: false)
    }
    setrlimit(Int32(RLIMIT_FSIZE.rawValue), &old)
    #expect(try AtomicFile.read(path) == "old contents")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(leftovers == ["s.json"])
  }

  @Test func missingFolderIsAClearError() {
    do {
      _ = try AtomicFile.write("x", to: "/nonexistent-bcsh/dir/s.json", expected: nil, force: false)
      Issue.record("wrote into a missing folder")
    } catch {
      #expect(error.code == .fileNotFound)
      #expect(error.message.hasPrefix("cannot create a file in '/nonexistent-bcsh/dir'"))
      #expect(error.hint == "check the path; the folder must exist")
    }
  }

  @Test func sessionFileRoundTripsAndIsVersioned() throws {
    var session = Session()
    var token = Token(name: "migration", kind: .store)
    token.apiPath = .store(hash: "abc123")
    token.grant(ScopeGrant(scopeID: "products", level: .readOnly))
    token.accessToken = Secret(Sample.accessToken)
    try session.add(token)
    try session.add(Token(name: "acct-token", kind: .account))
    let text = SessionFile.rendered(session)
    #expect(text.contains("\"format\" : \"bcsh-session\""))
    #expect(text.contains("\"version\" : 1"))
    #expect(try SessionFile.parse(text, source: "s.json") == session)
  }

  private func parseFailure(_ text: String) -> BcshError? {
    do {
      _ = try SessionFile.parse(text, source: "s.json")
      return nil
    } catch {
      return error
    }
  }

  @Test func damagedSessionFilesAreRefused() {
    #expect(parseFailure("not json")?.code == .invalidFile)
    #expect(parseFailure("[]")?.code == .invalidFile)
    #expect(parseFailure(#"{"format":"other"}"#)?.code == .invalidFile)
    let newer = parseFailure(#"{"format":"bcsh-session","version":9,"session":{}}"#)
    #expect(newer?.code == .invalidFile)
    #expect(newer?.hint == "upgrade bcsh")
    let damaged = parseFailure(#"{"format":"bcsh-session","version":1}"#)
    #expect(damaged?.code == .invalidFile)
    #expect(damaged?.cause is DecodingError)
    let badScope = #"""
      {"format":"bcsh-session","version":1,"session":{"tokens":[{"name":"abcd","kind":"store",
      "scopes":[{"scope":"products","level":"manage"}]}]}}
      """#
    #expect(parseFailure(badScope)?.code == .invalidFile)
    let badPath = #"""
      {"format":"bcsh-session","version":1,"session":{"tokens":[{"name":"abcd","kind":"store","api_path":"nope nope"}]}}
      """#
    #expect(parseFailure(badPath)?.code == .invalidFile)
    // Worded as Foundation's JSONDecoder worded them when it decoded the file a second time.
    let header = #"{"format":"bcsh-session","version":1,"session":"#
    #expect(
      parseFailure(header + #"{"tokens":[{"name":5,"kind":"store"}]}}"#)?.message
        == "the session file is damaged: Expected to decode String but found number instead. at .session.tokens[0].name"
    )
    #expect(
      parseFailure(header + #"{"tokens":[{"name":null,"kind":"store"}]}}"#)?.message
        == "the session file is damaged: Cannot get value of type String -- found null value instead at .session.tokens[0].name"
    )
    #expect(
      parseFailure(header + #"{"tokens":[{"kind":"store"}]}}"#)?.message
        == "the session file is damaged: missing \"name\" at .session.tokens[0]")
    #expect(
      parseFailure(header + #"{"tokens":{}}}"#)?.message
        == "the session file is damaged: Expected to decode Array<Any> but found a dictionary instead. at .session.tokens"
    )
    #expect(
      parseFailure(header + #"{"tokens":[{"name":"abcd","kind":"nope"}]}}"#)?.message
        == "the session file is damaged: Cannot initialize TokenKind from invalid String value nope at .session.tokens[0].kind"
    )
  }

  @Test func malformedJSONIsPlaced() {
    do {
      _ = try SessionFile.parse("{\n  \"format\": x\n}", source: "s.json")
      Issue.record("parsed malformed JSON")
    } catch {
      #expect(error.code == .invalidFile)
      #expect(error.cause is JSONReadError)
      #expect(error.position?.line == 2)
    }
    // Columns count characters as a reader sees them: "e" and a combining accent are one.
    do {
      _ = try SessionFile.parse("{\"e\u{301}\": x}", source: "s.json")
      Issue.record("parsed malformed JSON")
    } catch {
      #expect(error.position?.description == "s.json:1:7")
    }
  }

  @Test func sessionFilesMayNotSmuggleNamesOrDuplicates() {
    let escape =
      #"{"format":"bcsh-session","version":1,"session":{"tokens":[{"name":"abcd\u001b[31m","kind":"store"}]}}"#
    #expect(parseFailure(escape)?.code == .invalidFile)
    #expect((parseFailure(escape)?.cause as? BcshError)?.code == .invalidValue)
    let short = #"{"format":"bcsh-session","version":1,"session":{"tokens":[{"name":"ab","kind":"store"}]}}"#
    #expect(parseFailure(short)?.code == .invalidFile)
    #expect((parseFailure(short)?.cause as? BcshError)?.message.contains("too short") == true)
    let twice = #"""
      {"format":"bcsh-session","version":1,"session":{"tokens":[{"name":"abcd","kind":"store",
      "scopes":[{"scope":"products","level":"modify"},{"scope":"products","level":"read-only"}]}]}}
      """#
    #expect(parseFailure(twice)?.code == .invalidFile)
  }

  @Test func gitExposureNoticesUnignoredFiles() throws {
    let folder = TestFiles.makeFolder()
    let git = Process()
    git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    git.arguments = ["git", "init", "-q", folder.path]
    try git.run()
    git.waitUntilExit()
    try Data("ignored.json\n".utf8).write(to: URL(fileURLWithPath: folder.path(".gitignore")))
    #expect(GitExposure(processes: SpawnedProcesses()).isTrackable(folder.path("exposed.json")))
    #expect(!GitExposure(processes: SpawnedProcesses()).isTrackable(folder.path("ignored.json")))
    let elsewhere = TestFiles.makeFolder()
    #expect(!GitExposure(processes: SpawnedProcesses()).isTrackable(elsewhere.path("elsewhere.json")))
  }

  @Test func dotEnvRefusesWhatItCannotWriteBare() throws {
    var token = Token(name: "abcd", kind: .store)
    token.apiPath = .store(hash: "abc123")
    token.accessToken = Secret(Sample.accessToken)
    #expect(
      try DotEnvFile.rendered(token) == """
        BIGCOMMERCE_STORE_HASH=abc123
        BIGCOMMERCE_ACCESS_TOKEN=\(Sample.accessToken)
        BIGCOMMERCE_API_PATH=https://api.bigcommerce.com/stores/abc123/v3/

        """)
    token.clientID = "id with $pace"
    #expect { try DotEnvFile.rendered(token) } throws: { ($0 as? BcshError)?.code == .invalidValue }
  }
}
