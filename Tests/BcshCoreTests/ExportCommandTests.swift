import BcshProcesses
import Foundation
import TestSupport
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell

/// `export`: the tools' files written, merged, refused where git would track them, and read back
/// by the tools' own rules (python-dotenv, a real JSON parser) and by `token import`.
@Suite struct ExportCommandTests {
  static let storefrontToken = "eyJhbGciOiJFUzI1NiJ9.eyJjaWQiOlsxXX0.c2lnbmF0dXJlc2lnbmF0dXJl"

  /// A shell whose session holds `abcd` (store abc123, every credential) and the storefront
  /// token `shop` minted from it for channel 7, plus `other` minted for another store.
  static func shell(options: ShellOptions = ShellOptions(), json: Bool = false) async -> TestShell {
    let t = TestShell(options: options, json: json)
    var session = Session()
    var token = Token(name: "abcd", kind: .store)
    token.apiPath = .store(hash: "abc123")
    token.accessToken = Secret(Sample.accessToken)
    token.clientID = Sample.clientID
    token.clientSecret = Secret(Sample.clientSecret)
    try? session.add(token)
    for (name, hash) in [("shop", "abc123"), ("other", "zzz999")] {
      var minted = Token(name: name, kind: .store)
      minted.apiPath = .store(hash: hash)
      minted.accessToken = Secret(storefrontToken)
      minted.storefront = StorefrontTokenRecord(
        kind: .storefront, channels: [7], expiresAt: 1_900_000_000, mintedAt: 1_780_000_000,
        mintedFrom: "abcd")
      try? session.add(minted)
    }
    t.write("s.bcsh.json", SessionFile.rendered(session))
    await t.run("open s.bcsh.json")
    return t
  }

  static var secrets: [String] { [Sample.accessToken, Sample.clientSecret, storefrontToken] }

  /// No secret reached what the shell printed.
  static func expectNoSecret(in t: TestShell, sourceLocation: SourceLocation = #_sourceLocation) {
    for secret in secrets {
      #expect(!t.output.output.contains(secret), sourceLocation: sourceLocation)
      #expect(!t.output.error.contains(secret), sourceLocation: sourceLocation)
    }
  }

  static func python(_ code: String, in folder: String) throws -> String {
    try ExternalProgram.run(["python3", "-c", code], in: folder).output
  }

  @Test func catalystMergesIntoEnvLocalKeepingCommentsOrderAndOtherKeys() async throws {
    let t = await Self.shell()
    t.write(
      ".env.local",
      "# Catalyst\nAUTH_SECRET=keepme # kept\nBIGCOMMERCE_STORE_HASH=old\n\nBIGCOMMERCE_STORE_HASH=dup\n")
    #expect(await t.run("export abcd --for catalyst --storefront shop") == .success)
    let text = try #require(t.read(".env.local"))
    #expect(
      text == """
        # Catalyst
        AUTH_SECRET=keepme # kept
        BIGCOMMERCE_STORE_HASH=abc123

        BIGCOMMERCE_CHANNEL_ID=7
        BIGCOMMERCE_STOREFRONT_TOKEN=\(Self.storefrontToken)
        BIGCOMMERCE_CLIENT_ID=\(Sample.clientID)
        BIGCOMMERCE_CLIENT_SECRET=\(Sample.clientSecret)
        BIGCOMMERCE_ACCESS_TOKEN=\(Sample.accessToken)

        """)
    #expect(TestFiles.mode(t.path(".env.local")) == 0o600)
    #expect(t.output.output.contains("BIGCOMMERCE_STOREFRONT_TOKEN, BIGCOMMERCE_CLIENT_ID"))
    Self.expectNoSecret(in: t)
    // python-dotenv reads each value as itself.
    let read = try Self.python(
      """
      from dotenv import dotenv_values
      v = dotenv_values(".env.local")
      for k in ["STORE_HASH", "CHANNEL_ID", "STOREFRONT_TOKEN", "ACCESS_TOKEN", "CLIENT_SECRET"]: print(v["BIGCOMMERCE_" + k])
      print(v["AUTH_SECRET"])
      """, in: t.folder)
    #expect(
      read
        == "abc123\n7\n\(Self.storefrontToken)\n\(Sample.accessToken)\n\(Sample.clientSecret)\nkeepme\n")
  }

  @Test func anotherStoresStorefrontTokenIsRefusedAndNothingIsWritten() async {
    let t = await Self.shell()
    #expect(await t.run("export abcd --for catalyst --storefront other") == .commandFailed)
    #expect(t.output.error.contains("'other' belongs to store 'zzz999', but 'abcd' to store 'abc123'"))
    #expect(t.read(".env.local") == nil)
  }

  @Test func stencilWritesBothFilesKeepingTheThemesSettings() async throws {
    let t = await Self.shell()
    t.write("config.stencil.json", #"{"port": 3456, "customLayouts": {"page": {"x": "y"}}, "other": [1, 2]}"#)
    #expect(await t.run("export abcd --for stencil --url https://shop.example") == .success)
    let read = try Self.python(
      """
      import json
      c = json.load(open("config.stencil.json")); s = json.load(open("secrets.stencil.json"))
      print(list(c.keys())); print(c["port"], c["normalStoreUrl"], c["apiHost"], c["customLayouts"]["page"]["x"])
      print(s["accessToken"])
      """, in: t.folder)
    #expect(
      read == """
        ['port', 'customLayouts', 'other', 'normalStoreUrl', 'apiHost']
        3456 https://shop.example https://api.bigcommerce.com y
        \(Sample.accessToken)

        """)
    #expect(TestFiles.mode(t.path("secrets.stencil.json")) == 0o600)
    #expect(t.read("config.stencil.json")?.contains(Sample.accessToken) == false)
    Self.expectNoSecret(in: t)
  }

  @Test func envExportIsTheSavedEnvFileMerged() async throws {
    let t = await Self.shell()
    #expect(await t.run("export abcd --for env sub/") == .commandFailed, "a folder that is not there")
    try FileManager.default.createDirectory(atPath: t.path("sub"), withIntermediateDirectories: true)
    #expect(await t.run("export abcd --for env sub") == .success)
    #expect(await t.run("token use abcd; save sub/saved.env --format env") == .success)
    #expect(t.read("sub/.env") == t.read("sub/saved.env"))
    #expect(t.output.output.contains("sub/.env (mode 0600)"))
  }

  /// In a git work tree: a file git would track is refused (naming the .gitignore line), one it
  /// ignores is written, `--force` writes anyway; stencil's config, which holds no secret, is not
  /// held back.
  @Test func aSecretWhereGitWouldTrackItIsRefusedUnlessForced() async throws {
    let t = await Self.shell()
    let repo = t.path("repo")
    try ExternalProgram.run(["git", "init", "-q", repo], in: t.folder)
    t.write("repo/.gitignore", ".env\nsecrets.stencil.json\n")
    t.write("repo/tracked.txt", "x\n")
    try ExternalProgram.run(["git", "add", ".gitignore", "tracked.txt"], in: repo)

    t.write("repo/.env.local", "BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN=x\n")
    #expect(await t.run("export abcd --for catalyst repo") == .commandFailed)
    #expect(!t.output.error.contains("warning"), "a refused export says only why")
    #expect(t.output.errors.last?.code == .usage)
    #expect(t.output.error.contains("repo/.env.local would hold credentials and lies in a git work tree"))
    #expect(t.output.error.contains("add the line '.env.local' to the .gitignore of repo"))
    #expect(t.read("repo/.env.local") == "BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN=x\n")

    #expect(await t.run("export abcd --for env repo; export abcd --for stencil repo") == .success)
    #expect(t.read("repo/.env") != nil && t.read("repo/config.stencil.json") != nil)

    #expect(await t.run("export abcd --for catalyst repo --force") == .success)
    #expect(
      t.output.error.contains(
        "repo/.env.local:1:1: warning: BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN is not read"))
    #expect(TestFiles.mode(t.path("repo/.env.local")) == 0o600)
    Self.expectNoSecret(in: t)
  }

  @Test func noSecretReachesJSONOrTheTrace() async throws {
    var options = ShellOptions()
    options.trace = true
    let t = await Self.shell(options: options, json: true)
    #expect(
      await t.run("export abcd --for catalyst --storefront shop; export abcd --for stencil") == .success)
    #expect(t.output.output.contains("\"keys\""))
    #expect(t.output.output.contains("BIGCOMMERCE_ACCESS_TOKEN"))
    #expect(t.output.error.contains("+ export abcd --for catalyst"))
    Self.expectNoSecret(in: t)
  }

  /// What export writes, token import reads back as the same credentials.
  @Test(arguments: [
    ("catalyst", ".env.local"), ("env", ".env"), ("stencil", "secrets.stencil.json"),
    ("stencil", "config.stencil.json"),
  ])
  func importReadsBackWhatExportWrote(tool: String, file: String) async throws {
    let t = await Self.shell()
    #expect(await t.run("export abcd --for \(tool)") == .success)
    #expect(await t.run("token import \(file) --name back") == .success, "\(t.output.error)")
    let back = try t.state.session.require("back")
    #expect(back.apiPath == .store(hash: "abc123"))
    #expect(back.accessToken?.revealed == Sample.accessToken)
    if tool != "stencil" {
      #expect(back.clientID == Sample.clientID)
      #expect(back.clientSecret?.revealed == Sample.clientSecret)
    }
    Self.expectNoSecret(in: t)
  }

  @Test func aStencilThemeOnItsOwnDomainTakesTheStoreOfInto() async throws {
    let t = await Self.shell()
    #expect(await t.run("export abcd --for stencil --url https://shop.example") == .success)
    #expect(await t.run("token import secrets.stencil.json --name back") == .commandFailed)
    #expect(t.output.error.contains("normalStoreUrl does not say its store"))
    #expect(
      await t.run("token new back; path set abc123; token import secrets.stencil.json --into back")
        == .success)
    #expect(try t.state.session.require("back").accessToken?.revealed == Sample.accessToken)
  }

  @Test func badContentIsAnErrorAtItsPlace() async {
    let t = await Self.shell()
    t.write(".catalyst", "[auth]\nstoreHash = \"abc123\"\naccessToken = abc def\n")
    t.write(".env.local", "A=1\nB=\"unclosed\n")
    #expect(await t.run("token import .catalyst --name back") == .commandFailed)
    #expect(await t.run("export abcd --for catalyst") == .commandFailed)
    #expect(t.output.errors.map { $0.position?.line } == [3, 2])
    #expect(t.output.error.contains(".env.local:2:3: error:"))
  }

  @Test func refusalsNameTheirPlaceAndWriteNothing() async {
    let t = await Self.shell()
    let lines = [
      "export shop --for catalyst", "export abcd", "export abcd --for env --url https://x.example",
      "export abcd --for stencil --url ftp://x.example", "export abcd --for stencil --storefront shop",
      "token new empty; export empty --for env",
    ]
    for line in lines {
      #expect(await t.run(line) == .commandFailed, "\(line)")
    }
    #expect(
      t.output.errors.map(\.code) == [.usage, .usage, .usage, .invalidValue, .usage, .notReady])
    #expect(
      t.output.error.contains(
        "'shop' is a storefront (GraphQL Storefront API) token; export takes the API account"))
    #expect(t.output.error.contains("test.bcsh:1:33: error:"), "the bad --url is placed at its word")
    let written = (try? FileManager.default.contentsOfDirectory(atPath: t.folder)) ?? []
    #expect(Set(written) == ["s.bcsh.json"])
  }

  /// The catalyst CLI reads `.env` before `.env.local`: a differing key there is pointed out.
  @Test func aDifferingKeyInDotEnvIsPointedOut() async {
    let t = await Self.shell()
    t.write(
      ".env", "# shared\nBIGCOMMERCE_STORE_HASH=abc123\nBIGCOMMERCE_ACCESS_TOKEN=someoneelsestoken0123\n")
    #expect(await t.run("export abcd --for catalyst") == .success)
    #expect(t.output.error.contains(".env:3:1: warning: BIGCOMMERCE_ACCESS_TOKEN here differs"))
    #expect(!t.output.error.contains("BIGCOMMERCE_STORE_HASH here differs"))
  }

  /// Another program writes the file between export's read and its write: export refuses (the
  /// guard `save` has) and the other program's line stays; `--force` writes over it.
  /// A `.env` that is a link into another git work tree: the file written is the link's target,
  /// so git is asked about that one, and the export is refused.
  @Test func aLinkIntoAnotherRepositoryIsCheckedWhereItPoints() async throws {
    let t = await Self.shell()
    let repo = t.path("repo")
    try ExternalProgram.run(["git", "init", "-q", repo], in: t.folder)
    t.write("repo/tracked.env", "OTHER=1\n")
    try FileManager.default.createDirectory(atPath: t.path("s1"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: t.path("s1/.env"), withDestinationPath: repo + "/tracked.env")
    #expect(await t.run("export abcd --for env s1") == .commandFailed)
    #expect(
      t.output.error.contains("s1/.env would hold credentials and lies in a git work tree"),
      "\(t.output.error)")
    #expect(t.output.error.contains("it is a symbolic link to '\(repo)/tracked.env'"), "\(t.output.error)")
    #expect(t.read("repo/tracked.env") == "OTHER=1\n")
    Self.expectNoSecret(in: t)
  }

  /// A `.env` git tracks already stays tracked once `.gitignore` names it: the hint says
  /// `git rm --cached`, not "add the line".
  @Test func aTrackedFileListedInGitignoreIsToldToBeUntracked() async throws {
    let t = await Self.shell()
    let repo = t.path("repo")
    try ExternalProgram.run(["git", "init", "-q", repo], in: t.folder)
    t.write("repo/.env", "OTHER=1\n")
    try ExternalProgram.run(["git", "add", ".env"], in: repo)
    t.write("repo/.gitignore", ".env\n")
    #expect(await t.run("export abcd --for env repo") == .commandFailed)
    #expect(
      t.output.error.contains("git tracks it already: 'git rm --cached -- repo/.env'"), "\(t.output.error)")
    #expect(!t.output.error.contains("add the line"))
    #expect(t.read("repo/.env") == "OTHER=1\n")
  }

  /// git failing there (a corrupt `.git/HEAD`; a repository of another user, which git refuses)
  /// is no "ignored": export refuses (exit 2), `--force` writes.
  @Test func aGitThatFailsRefusesTheExportUnlessForced() async throws {
    let t = await Self.shell()
    let repo = t.path("repo")
    try ExternalProgram.run(["git", "init", "-q", repo], in: t.folder)
    try "garbage\n".write(toFile: repo + "/.git/HEAD", atomically: true, encoding: .utf8)
    #expect(await t.run("export abcd --for env repo") == .commandFailed)
    #expect(t.output.errors.last?.code == .usage)
    #expect(
      t.output.error.contains("git failed (exit 128) in '\(repo)', so bcsh cannot tell"), "\(t.output.error)")
    #expect(t.read("repo/.env") == nil)
    if getuid() == 0 {
      let other = t.path("other")
      try ExternalProgram.run(["git", "init", "-q", other], in: t.folder)
      try ExternalProgram.run(["chown", "-R", "1000:1000", other], in: t.folder)
      #expect(await t.run("export abcd --for env other") == .commandFailed)
      #expect(t.read("other/.env") == nil)
    }
    #expect(await t.run("export abcd --for env repo --force") == .success)
    #expect(t.read("repo/.env")?.contains("BIGCOMMERCE_ACCESS_TOKEN=") == true)
    Self.expectNoSecret(in: t)
  }

  /// Against production, an API host left in `.env.local` (a sandbox's, or someone's) is removed.
  @Test func aProductionCatalystExportRemovesTheAPIHost() async throws {
    let t = await Self.shell()
    t.write(".env.local", "A=1\nBIGCOMMERCE_API_HOST=api.evil.example\nB=2\n")
    #expect(await t.run("export abcd --for catalyst") == .success)
    let text = t.read(".env.local") ?? ""
    #expect(!text.contains("BIGCOMMERCE_API_HOST") && text.hasPrefix("A=1\nB=2\n"), "\(text)")
    #expect(t.output.output.contains("removed BIGCOMMERCE_API_HOST from .env.local"))
  }

  /// A storefront token minted after 2026-06-30 works only from browsers: written, with a warning.
  @Test func aBrowserOnlyStorefrontTokenIsWrittenWithAWarning() async throws {
    let t = TestShell()
    var session = Session()
    var token = Token(name: "abcd", kind: .store)
    token.apiPath = .store(hash: "abc123")
    token.accessToken = Secret(Sample.accessToken)
    try session.add(token)
    var minted = Token(name: "web-front", kind: .store)
    minted.apiPath = .store(hash: "abc123")
    minted.accessToken = Secret(Self.storefrontToken)
    minted.storefront = StorefrontTokenRecord(
      kind: .storefront, channels: [7], expiresAt: 1_900_000_000, mintedAt: 1_785_000_000, mintedFrom: "abcd")
    try session.add(minted)
    t.write("late.bcsh.json", SessionFile.rendered(session))
    #expect(await t.run("open late.bcsh.json") == .success, "\(t.output.error)")
    #expect(await t.run("export abcd --for catalyst --storefront web-front") == .success, "\(t.output.error)")
    #expect(
      t.output.error.contains("warning: 'web-front' is a storefront token that works only from browsers"))
    #expect(t.output.error.contains("token mint NAME --kind private"))
    #expect(t.read(".env.local")?.contains("BIGCOMMERCE_STOREFRONT_TOKEN=") == true)
    Self.expectNoSecret(in: t)
    // One minted before the cut-off works from servers: no warning.
    let u = await Self.shell()
    #expect(await u.run("export abcd --for catalyst --storefront shop") == .success)
    #expect(!u.output.error.contains("works only from browsers"))
  }

  /// Every file is checked before the first is written: a read-only config leaves no secrets file.
  /// `--force` writes over it and says the mode it keeps.
  @Test func aStencilExportRefusedForOneFileWritesNone() async throws {
    let t = await Self.shell()
    t.write("config.stencil.json", "{\"port\": 3000}\n")
    chmod(t.path("config.stencil.json"), 0o400)
    #expect(await t.run("export abcd --for stencil") == .commandFailed)
    #expect(t.output.error.contains("config.stencil.json' is read-only (mode 400)"), "\(t.output.error)")
    #expect(t.output.error.contains("'export abcd --for stencil --force' replaces it"), "\(t.output.error)")
    #expect(t.read("secrets.stencil.json") == nil)
    #expect(await t.run("export abcd --for stencil --force") == .success)
    #expect(t.output.output.contains("config.stencil.json (mode 0400)"), "\(t.output.output)")
    #expect(t.output.output.contains("secrets.stencil.json (mode 0600)"))
    Self.expectNoSecret(in: t)
  }

  /// `secretsFileName` names the file the token is written to: only a plain `.json` file name of
  /// its own is taken; the project's own files and paths are refused at the config's line.
  @Test(arguments: ["config.stencil.json", "package.json", "../x.json", "sub/s.json", "secrets.txt", ".."])
  func aSecretsFileNameThatIsNoFileOfItsOwnIsRefused(name: String) async throws {
    let t = await Self.shell()
    let config = "{\n  \"port\": 3000,\n  \"secretsFileName\": \"\(name)\"\n}\n"
    t.write("config.stencil.json", config)
    t.write("package.json", "{\"name\": \"theme\"}\n")
    #expect(await t.run("export abcd --for stencil") == .commandFailed)
    #expect(t.output.error.contains("config.stencil.json:3:1: error: secretsFileName"), "\(t.output.error)")
    #expect(t.read("config.stencil.json") == config)
    #expect(t.read("package.json") == "{\"name\": \"theme\"}\n")
    #expect(t.read("secrets.stencil.json") == nil)
  }

  @Test func aSecretsFileNameOfItsOwnIsWritten() async throws {
    let t = await Self.shell()
    t.write("config.stencil.json", "{\"secretsFileName\": \"my.secrets.json\"}\n")
    #expect(await t.run("export abcd --for stencil") == .success, "\(t.output.error)")
    #expect(t.read("my.secrets.json")?.contains("accessToken") == true)
  }

  @Test func aFileChangedWhileExportingIsNotOverwritten() async throws {
    let folder = TemporaryFolder("core")
    let path = folder.path + "/.env"
    #expect(FileManager.default.createFile(atPath: path, contents: Data("KEEP=1\n".utf8)))
    var env = ShellEnvironment(
      variables: ["HOME": folder.path, "AT": Sample.accessToken], currentDirectory: folder.path)
    env.ports.files = RacingFiles(racing: path)
    env.ports.processes = SpawnedProcesses()
    let output = CapturedOutput()
    let shell = Shell(environment: env, options: ShellOptions(), writer: output)
    let script = "token new abcd; path set abc123; token set access-token --env AT\n"
    #expect(
      await shell.run(script: script + "export abcd --for env", source: "t", path: nil) == .commandFailed)
    #expect(output.errorCodes == [.changedOnDisk])
    #expect(
      output.error.contains(
        "hint: 'export abcd --for env' merges into the new version; 'export abcd --for env --force' writes over it"
      ),
      "\(output.error)")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text == "KEEP=1\nOTHER=written meanwhile\n")
    #expect(await shell.run(script: "export abcd --for env --force", source: "t", path: nil) == .success)
    #expect(try String(contentsOfFile: path, encoding: .utf8).contains("BIGCOMMERCE_ACCESS_TOKEN="))
  }
}

/// Local files, except that right after `racing` is read another program appends a line to it.
struct RacingFiles: FileReading {
  let racing: String
  let files = LocalFiles()

  func read(_ path: String, shownAs name: String?) throws(BcshError) -> String {
    try files.read(path, shownAs: name)
  }

  func readWithFingerprint(_ path: String, shownAs name: String?) throws(BcshError) -> (
    String, FileFingerprint
  ) {
    let read = try files.readWithFingerprint(path, shownAs: name)
    if path == racing, let handle = FileHandle(forWritingAtPath: path) {
      handle.seekToEndOfFile()
      handle.write(Data("OTHER=written meanwhile\n".utf8))
      try? handle.close()
    }
    return read
  }

  func fingerprint(of path: String) -> FileFingerprint? { files.fingerprint(of: path) }

  func list(_ path: String) throws(BcshError) -> [FolderEntry] { try files.list(path) }
}
