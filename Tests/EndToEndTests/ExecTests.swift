import Foundation
import TestSupport
import Testing

/// `bcsh exec` and the shell's `exec`: real programs, the environment they see, their streams,
/// signals and statuses, and no secret anywhere but in the program's environment.
@Suite struct ExecTests {
  /// A storefront token (a JWT's shape) of the store abc123, channel 7.
  static let storefrontToken = "eyJhbGciOiJFUzI1NiJ9.eyJjaWQiOls3XX0.c2lnbmF0dXJlc2lnbmF0dXJl"

  /// A session file with an API account and a storefront token of its store, expiring in 2030.
  static let session = """
    {
      "format": "bcsh-session", "version": 1,
      "session": {
        "current": "catalyst-dev",
        "tokens": [
          {
            "name": "catalyst-dev", "kind": "store", "scopes": [],
            "api_path": "https://api.bigcommerce.com/stores/abc123/v3/",
            "access_token": "\(Sample.accessToken)", "client_id": "\(Sample.clientID)",
            "client_secret": "\(Sample.clientSecret)"
          },
          {
            "name": "web-front", "kind": "store", "scopes": [],
            "api_path": "https://api.bigcommerce.com/stores/abc123/v3/",
            "access_token": "\(storefrontToken)",
            "storefront": {
              "kind": "storefront", "channels": [7], "expires_at": 1893456000,
              "minted_at": 1790000000, "minted_from": "catalyst-dev"
            }
          },
          {
            "name": "elsewhere", "kind": "store", "scopes": [],
            "api_path": "https://api.bigcommerce.com/stores/zzz999/v3/",
            "access_token": "\(storefrontToken)x",
            "storefront": {
              "kind": "storefront", "channels": [1], "expires_at": 1893456000,
              "minted_at": 1790000000, "minted_from": "catalyst-dev"
            }
          }
        ]
      }
    }
    """

  static let secrets = [Sample.accessToken, Sample.clientSecret, storefrontToken]

  /// bcsh in a folder holding `s.bcsh.json`.
  func prepared() -> Bcsh {
    let bcsh = Bcsh()
    bcsh.write("s.bcsh.json", Self.session)
    chmod(bcsh.path("s.bcsh.json"), 0o600)
    return bcsh
  }

  /// Every file of the folder with its bytes.
  func snapshot(_ bcsh: Bcsh) -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: bcsh.folder)
    while let name = enumerator?.nextObject() as? String {
      files[name] = FileManager.default.contents(atPath: bcsh.path(name)) ?? Data()
    }
    return files
  }

  func variables(_ output: String) -> [String: String] {
    var found: [String: String] = [:]
    for line in output.split(separator: "\n") {
      guard let equals = line.firstIndex(of: "=") else { continue }
      found[String(line[..<equals])] = String(line[line.index(after: equals)...])
    }
    return found
  }

  @Test func theProgramSeesTheBigcommerceKeysAndNothingElseOfBcshs() throws {
    let bcsh = prepared()
    let before = snapshot(bcsh)
    let result = try bcsh.run(
      ["exec", "-s", "s.bcsh.json", "catalyst-dev", "--", "/usr/bin/env"],
      environment: ["BIGCOMMERCE_CHANNEL_ID": "99", "KEEP_ME": "yes"])
    #expect(result.status == 0, "\(result.stderr)")
    let seen = variables(result.stdout)
    #expect(seen["BIGCOMMERCE_STORE_HASH"] == "abc123")
    #expect(seen["BIGCOMMERCE_ACCESS_TOKEN"] == Sample.accessToken)
    #expect(seen["BIGCOMMERCE_CLIENT_ID"] == Sample.clientID)
    #expect(seen["BIGCOMMERCE_CLIENT_SECRET"] == Sample.clientSecret)
    #expect(seen["BIGCOMMERCE_API_PATH"] == "https://api.bigcommerce.com/stores/abc123/v3/")
    // The environment's own BIGCOMMERCE_* is not mixed in; everything else is passed on.
    #expect(seen["BIGCOMMERCE_CHANNEL_ID"] == nil)
    #expect(seen["KEEP_ME"] == "yes")
    #expect(result.stderr.isEmpty)
    #expect(snapshot(bcsh) == before, "exec wrote to the folder")
  }

  /// The program gets the three standard streams and no other descriptor of bcsh's: not the
  /// sandbox server's listening socket nor its event loop's.
  @Test func theProgramInheritsOnlyTheStandardStreams() throws {
    let bcsh = Bcsh()
    try FileManager.default.copyItem(
      atPath: Bcsh.examples + "/cart-migration.txt", toPath: bcsh.path("c.txt"))
    let result = try bcsh.run([
      "--sandbox", "-c", "token import c.txt; exec cart-migration -- sh -c 'exec ls /proc/self/fd'",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    // ls's own descriptor for the folder it lists is the fourth.
    let descriptors = result.stdout.split(separator: "\n").compactMap { Int($0) }
    #expect(descriptors == [0, 1, 2, 3], "\(result.stdout)")
  }

  @Test func catalystGetsItsKeysWithTheStorefrontToken() throws {
    let bcsh = prepared()
    let result = try bcsh.run(
      [
        "exec", "-s", "s.bcsh.json", "catalyst-dev", "--for", "catalyst", "--storefront", "web-front", "--",
        "/usr/bin/env",
      ], environment: ["BCSH_API_BASE": "http://127.0.0.1:8080"])
    #expect(result.status == 0, "\(result.stderr)")
    let seen = variables(result.stdout)
    #expect(seen["BIGCOMMERCE_STORE_HASH"] == "abc123")
    #expect(seen["BIGCOMMERCE_CHANNEL_ID"] == "7")
    #expect(seen["BIGCOMMERCE_STOREFRONT_TOKEN"] == Self.storefrontToken)
    #expect(seen["BIGCOMMERCE_ACCESS_TOKEN"] == Sample.accessToken)
    #expect(seen["BIGCOMMERCE_CLIENT_SECRET"] == Sample.clientSecret)
    #expect(seen["BIGCOMMERCE_API_HOST"] == "127.0.0.1:8080")
    #expect(seen["BIGCOMMERCE_API_PATH"] == nil)
    // A storefront token minted after 2026-06-30 works from browsers only: Catalyst's server
    // would send it server to server.
    #expect(
      result.stderr.contains("storefront token 'web-front' works from browsers only"), "\(result.stderr)")
    #expect(result.stderr.contains("--kind private"))
    for secret in Self.secrets { #expect(!result.stderr.contains(secret)) }
  }

  @Test func aStorefrontTokenOfAnotherStoreIsRefusedWithoutItsSecret() throws {
    let bcsh = prepared()
    let result = try bcsh.run(
      [
        "exec", "-s", "s.bcsh.json", "catalyst-dev", "--for", "catalyst", "--storefront", "elsewhere", "--",
        "/usr/bin/env",
      ])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("another store"))
    for secret in Self.secrets { #expect(!result.stderr.contains(secret)) }
  }

  @Test func stencilIsRefusedWithTheExportLine() throws {
    let bcsh = prepared()
    let result = try bcsh.run(
      ["exec", "-s", "s.bcsh.json", "catalyst-dev", "--for", "stencil", "--", "/usr/bin/env"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("export catalyst-dev --for stencil"))
  }

  static let endings: [([String], Int32)] = [
    (["sh", "-c", "exit 7"], 7), (["sh", "-c", "kill -TERM $$"], 143), (["sh", "-c", "kill -HUP $$"], 129),
    (["no-such-program-here"], 127), (["/etc/passwd"], 126),
  ]

  @Test(arguments: endings)
  func theStatusIsTheProgramsAsAShellGivesIt(command: [String], status: Int32) throws {
    let bcsh = prepared()
    // Through sh, which says what status it saw: 128 + N for a program a signal ended.
    let result = try bcsh.run(
      ["-c", "\"$@\"; echo status=$?", "sh", Bcsh.binary, "exec", "-s", "s.bcsh.json", "catalyst-dev", "--"]
        + command, executable: "/bin/sh")
    #expect(result.stdout.hasSuffix("status=\(status)\n"), "\(result.stdout) \(result.stderr)")
  }

  @Test func standardInputReachesTheProgram() throws {
    let bcsh = prepared()
    let result = try bcsh.run(
      ["exec", "-s", "s.bcsh.json", "catalyst-dev", "--", "cat"], stdin: "line one\nline two\n")
    #expect(result.status == 0)
    #expect(result.stdout == "line one\nline two\n")
  }

  @Test func insideTheShellTheKeysReachOnlyTheProgram() throws {
    let bcsh = prepared()
    let before = snapshot(bcsh)
    let result = try bcsh.run(
      [
        "-x", "-s", "s.bcsh.json", "-c",
        "exec catalyst-dev --for catalyst --storefront web-front -- /usr/bin/env",
      ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(variables(result.stdout)["BIGCOMMERCE_STOREFRONT_TOKEN"] == Self.storefrontToken)
    #expect(result.stderr.contains("+ exec catalyst-dev"))
    for secret in Self.secrets { #expect(!result.stderr.contains(secret)) }
    #expect(snapshot(bcsh) == before, "exec wrote to the folder")
  }

  @Test func insideTheShellAFailingProgramFailsTheCommand() throws {
    let bcsh = prepared()
    let result = try bcsh.run(
      ["-s", "s.bcsh.json", "-c", "exec catalyst-dev -- sh -c 'exit 3'; echo not reached"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("'sh' exited with status 3"))
    #expect(!result.stdout.contains("not reached"))
  }

  @Test func insideTheShellASignalToBcshGoesOnToTheProgram() throws {
    let bcsh = prepared()
    // The program ends by the SIGTERM sent to bcsh, and then bcsh ends by it too, as sh would:
    // the script goes no further.
    let (result, elapsed, timedOut) = try bcsh.runBounded(
      [
        "-c", "\"$@\"; echo status=$?", "sh", Bcsh.binary, "-s", "s.bcsh.json", "-c",
        "exec catalyst-dev -- sh -c 'kill -TERM $PPID; exec sleep 10'; echo not reached",
      ], executable: "/bin/sh")
    #expect(!timedOut)
    #expect(elapsed < .seconds(8))
    #expect(result.stdout == "status=143\n", "\(result.stdout) \(result.stderr)")
  }

  @Test func aDryRunRunsNothing() throws {
    let bcsh = prepared()
    let result = try bcsh.run(
      ["--dry-run", "-s", "s.bcsh.json", "-c", "exec catalyst-dev -- /bin/sh -c 'echo ran'"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("ran\n"))
    #expect(result.stdout.contains("would run '/bin/sh' with BIGCOMMERCE_STORE_HASH"))
  }
}

/// `--env-file`: a template of `bcsh://TOKEN/FIELD` references and plain lines.
@Suite struct ExecEnvFileTests {
  @Test func referencesAreResolvedAndPlainLinesPassThrough() throws {
    let bcsh = ExecTests().prepared()
    bcsh.write(
      "app.env.tpl",
      """
      # the app's keys
      STORE=bcsh://catalyst-dev/store-hash
      export SECRET="bcsh://catalyst-dev/client-secret"

      SF=bcsh://web-front/access-token
      CHANNEL=bcsh://web-front/channel-id
      GREETING='hello world'
      """)
    for arguments in [
      ["exec", "-s", "s.bcsh.json", "catalyst-dev", "--env-file", "app.env.tpl", "--", "/usr/bin/env"],
      ["-s", "s.bcsh.json", "-c", "exec catalyst-dev --env-file app.env.tpl -- /usr/bin/env"],
    ] {
      let result = try bcsh.run(arguments)
      #expect(result.status == 0, "\(result.stderr)")
      let seen = ExecTests().variables(result.stdout)
      #expect(seen["STORE"] == "abc123")
      #expect(seen["SECRET"] == Sample.clientSecret)
      #expect(seen["SF"] == ExecTests.storefrontToken)
      #expect(seen["CHANNEL"] == "7")
      #expect(seen["GREETING"] == "hello world")
      // Only the template's variables: no tool keys besides.
      #expect(seen["BIGCOMMERCE_ACCESS_TOKEN"] == nil)
    }
  }

  @Test(arguments: [
    ("A=1\nB=bcsh://catalyst-dev/acces-token\n", "t.env:2:3: error: unknown field 'acces-token'"),
    ("B=bcsh://nobody-here/access-token\n", "t.env:1:3: error: no token named 'nobody-here'"),
    ("B=bcsh://catalyst-dev/channel-id\n", "t.env:1:3: error: 'catalyst-dev' has no channel id"),
    (
      "B=bcsh://catalyst-dev\n",
      "t.env:1:3: error: 'bcsh://catalyst-dev' is not a bcsh://TOKEN/FIELD reference"
    ),
    ("B=\"bcsh://catalyst-dev/access-token\n", "t.env:1:3: error: the value of B opens a quote"),
  ])
  func aBadReferenceIsAnErrorAtItsPlace(template: String, error: String) throws {
    let bcsh = ExecTests().prepared()
    bcsh.write("t.env", template)
    for arguments in [
      ["exec", "-s", "s.bcsh.json", "catalyst-dev", "--env-file", "t.env", "--", "/usr/bin/env"],
      ["-s", "s.bcsh.json", "-c", "exec catalyst-dev --env-file t.env -- /usr/bin/env"],
    ] {
      let result = try bcsh.run(arguments)
      #expect(result.status == 2)
      #expect(result.stdout.isEmpty)
      #expect(result.stderr.contains(error), "\(result.stderr)")
      for secret in ExecTests.secrets { #expect(!result.stderr.contains(secret)) }
    }
  }
}

/// `bcsh doctor` as a route, and `doctor --verify` against the sandbox.
@Suite struct DoctorRunTests {
  @Test func theRouteExitsByWhatItFound() throws {
    let bcsh = Bcsh()
    bcsh.write(".env", "BIGCOMMERCE_STORE_HASH=abc123\nBIGCOMMERCE_ACCESS_TOKEN=\(Sample.accessToken)\n")
    chmod(bcsh.path(".env"), 0o600)
    let clean = try bcsh.run(["doctor"])
    #expect(clean.status == 0, "\(clean.stderr)")
    #expect(clean.stdout == "no problems found in 1 credential file\n")
    chmod(bcsh.path(".env"), 0o644)
    let found = try bcsh.run(["doctor", "--json", "."])
    #expect(found.status == 1)
    #expect(found.stdout.contains("\"kind\": \"readable-secret\""))
    #expect(!found.stdout.contains(Sample.accessToken))
    let missing = try bcsh.run(["doctor", "no-such-folder"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("cannot list"))
  }

  @Test func verifyChecksEachCredentialAgainstTheAPI() throws {
    let bcsh = Bcsh()
    // The sandbox's migration token works; the other is no token of it.
    bcsh.write(
      ".env", "BIGCOMMERCE_STORE_HASH=sbxdemo001\nBIGCOMMERCE_ACCESS_TOKEN=9x4u9hh6ensyzjkzxr1bwx6de829895\n")
    try FileManager.default.createDirectory(atPath: bcsh.path("old"), withIntermediateDirectories: true)
    bcsh.write(
      "old/.env", "BIGCOMMERCE_STORE_HASH=sbxdemo001\nBIGCOMMERCE_ACCESS_TOKEN=\(Sample.accessToken)\n")
    chmod(bcsh.path(".env"), 0o600)
    chmod(bcsh.path("old/.env"), 0o600)
    let result = try bcsh.run(["--sandbox", "-c", "doctor --verify"])
    #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.hasPrefix("old/.env:2: the API refuses this credential for store sbxdemo001"))
    #expect(result.stdout.contains("1 problem in 2 credential files"))
    #expect(!result.stdout.contains(Sample.accessToken))
    #expect(!result.stdout.contains("9x4u9hh6ensyzjkzxr1bwx6de829895"))
  }
}
