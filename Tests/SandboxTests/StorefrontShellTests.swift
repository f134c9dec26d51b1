import BcshFormats
import BcshHTTP
import BcshModel
import BcshPorts
import BcshProcesses
import BcshSandbox
import BcshSandboxData
import BcshShell
import BcshVerify
import Foundation
import JSONText
import Synchronization
import TestSupport
import Testing

/// `token mint`, `token show`, `verify` and `token revoke` of GraphQL Storefront tokens through
/// the shell, with the real transport, against the sandbox's create, revoke and `/graphql`.
@Suite struct StorefrontShellTests {
  /// Every request the shell's transports sent.
  final class RequestLog: Sendable {
    let requests = Mutex<[HTTPRequest]>([])

    var sent: [HTTPRequest] { requests.withLock { $0 } }
  }

  /// The real transport, noting each request in a log. The shell makes one for each command and
  /// shuts it down after.
  final class RecordingTransport: HTTPTransport, Sendable {
    let inner = AsyncHTTPTransport()
    let log: RequestLog

    init(log: RequestLog) { self.log = log }

    func send(_ request: HTTPRequest, deadline: ContinuousClock.Instant) async throws -> HTTPResponse {
      log.requests.withLock { $0.append(request) }
      return try await inner.send(request, deadline: deadline)
    }

    func shutdown() async { await inner.shutdown() }
  }

  struct Run {
    let shell: Shell
    let output: CapturedOutput
    let transport: RequestLog

    var text: String { output.output + output.error }

    /// Every minted token's text the session holds.
    var mintedSecrets: [String] {
      shell.state.session.tokens.compactMap { $0.storefront == nil ? nil : $0.accessToken?.revealed }
    }
  }

  /// Runs `script` in a shell pointed at `sandbox` (API and storefront), with `FULL`, `MIGRATION`
  /// and `HASH` set.
  private func run(
    _ script: String, in sandbox: SandboxClient, options: ShellOptions = ShellOptions(), json: Bool = false,
    processes: any ProcessRunning = NoProcesses()
  ) async -> (Run, ShellExitStatus) {
    let output = CapturedOutput()
    let transport = RequestLog()
    var environment = ShellEnvironment(
      variables: [
        "FULL": SandboxConfiguration.roomy.accessToken("full"),
        "MIGRATION": SandboxConfiguration.roomy.accessToken("migration"),
        "HASH": SandboxConfiguration.demoStoreHash,
      ],
      currentDirectory: "/", apiBase: sandbox.baseURL,
      ports: Ports(
        transport: { RecordingTransport(log: transport) }, files: LocalFiles(), processes: processes))
    environment.storefrontBase = sandbox.baseURL
    let shell = Shell(
      environment: environment, options: options, format: OutputFormat(json: json), writer: output)
    let status = await shell.run(script: script, source: "sf.bcsh", path: nil)
    return (Run(shell: shell, output: output, transport: transport), status)
  }

  private let minter = """
    token new minter-acct; path set $HASH; token set access-token --env FULL

    """

  @Test func everyKindIsMintedShownVerifiedAndTheStorefrontOneRevoked() async throws {
    try await withSandbox { sandbox in
      let script =
        minter + """
          token mint server-tok --from minter-acct --kind private --channel 1 --expires 30d --scope Unauthenticated
          token mint browser-tok --from minter-acct --kind storefront --channel 1 --expires 2d --origin https://shop.example.com
          token mint acting-tok --from minter-acct --kind impersonation --channel 1 --expires 12h
          token list
          token show server-tok
          token show browser-tok
          verify server-tok
          verify browser-tok
          verify acting-tok
          status
          token revoke browser-tok
          """
      let (run, status) = await self.run(script, in: sandbox)
      #expect(status == .success, "\(run.text)")
      let text = run.output.output
      #expect(text.contains("minted private token 'server-tok' with 'minter-acct' for store sbxdemo001"))
      #expect(text.contains("result: ok — the private token answers the storefront's GraphQL query"))
      #expect(text.contains("result: ok — the storefront token answers the storefront's GraphQL query"))
      #expect(text.contains("result: ok — the impersonation token answers the storefront's GraphQL query"))
      #expect(text.contains("storeName bcsh Sandbox Store"))
      #expect(text.contains("use from:     server (private tokens are refused from browsers)"))
      #expect(text.contains("browser only (created after 2026-06-30; servers need a private token)"))
      #expect(text.contains("cors origins: https://shop.example.com"))
      #expect(text.contains("(in 29 days)") || text.contains("(in 30 days)"))
      #expect(text.contains("expires soon:    'browser-tok'"))
      #expect(text.contains("expires soon:    'acting-tok'"))
      #expect(!text.contains("expires soon:    'server-tok'"))
      #expect(text.contains("revoked 'browser-tok'"))
      #expect(run.output.error.contains("sf.bcsh:3:50: warning: storefront tokens created after 2026-06-30"))
      // The browser-only token was asked as a browser asks; the others as servers.
      let queries = run.transport.sent.filter { $0.url.hasSuffix("/graphql") }
      #expect(queries.count == 3)
      #expect(
        queries.map { $0.headers.first { $0.name == "Origin" }?.value } == [
          nil, "https://shop.example.com", nil,
        ])
      let revoke = try #require(run.transport.sent.last)
      #expect(revoke.method == .delete && revoke.url.hasSuffix("/v3/storefront/api-token"))
      let session = run.shell.state.session
      #expect(try #require(session.token(named: "browser-tok")?.storefront?.revokedAt) > 0)
      #expect(run.mintedSecrets.count == 3)
      for secret in run.mintedSecrets {
        #expect(secret.hasPrefix("eyJ"))
        #expect(!run.text.contains(secret))
        #expect(!run.text.contains(String(secret.prefix(40))))
      }

      // A revoked token fails verify with the date, exit 1; a second revoke is refused.
      let after = await run.shell.run(
        script: "verify browser-tok\ntoken revoke browser-tok", source: "again.bcsh", path: nil)
      #expect(after == .verifyProblem)
      #expect(run.output.output.contains("result: problem — the storefront token was revoked on "))
      // verify --all checks them with the API accounts: the revoked one is the problem.
      let all = await run.shell.run(script: "verify --all", source: "all.bcsh", path: nil)
      #expect(all == .verifyProblem)
      #expect(run.output.output.contains(/browser-tok +storefront +sbxdemo001 +revoked/))
      #expect(run.output.output.contains(/server-tok +private +sbxdemo001 +ok/))
    }
  }

  /// The bodies sent are the reference's, and the sandbox (which checks them by the reference)
  /// took each.
  @Test func theCreateBodiesFollowTheReference() async throws {
    try await withSandbox { sandbox in
      let script =
        minter + """
          token mint one-channel --from minter-acct --kind private --channel 1 --expires 1885635176 --scope Unauthenticated --scope B2B
          token mint two-origins --from minter-acct --kind storefront --channel 1 --channel 1 --expires 1885635176 --origin https://a.example --origin http://localhost:3000
          token mint acting-tok --from minter-acct --kind impersonation --channel 1 --expires 1885635176
          """
      let (run, status) = await self.run(script, in: sandbox)
      #expect(status == .success, "\(run.text)")
      let creates = run.transport.sent.filter { $0.method == .post && $0.url.contains("/v3/storefront/") }
      #expect(
        creates.map { $0.url.components(separatedBy: "/v3/").last } == [
          "storefront/api-token-private", "storefront/api-token",
          "storefront/api-token-customer-impersonation",
        ])
      let bodies = creates.map { String(decoding: $0.body ?? [], as: UTF8.self) }
      #expect(
        bodies == [
          #"{"channel_id":1,"expires_at":1885635176,"scopes":["Unauthenticated","B2B"]}"#,
          #"{"allowed_cors_origins":["https://a.example","http://localhost:3000"],"channel_id":1,"expires_at":1885635176}"#,
          #"{"channel_id":1,"expires_at":1885635176}"#,
        ])
      for create in creates {
        #expect(create.headers.contains { $0.name == "X-Auth-Token" })
        #expect(create.headers.contains { $0.name == "Content-Type" && $0.value == "application/json" })
      }
    }
  }

  @Test func badRequestsAreRefusedWhereTheyStandAndNothingIsSent() async throws {
    try await withSandbox { sandbox in
      let cases: [(line: String, place: String, message: String)] = [
        (
          "token mint tok1 --from minter-acct --kind private --channel 1 --expires 30d", "sf.bcsh:2:43",
          "a private token needs at least one scope"
        ),
        (
          "token mint tok1 --from minter-acct --kind storefront --channel 1 --expires 30d --scope Customer",
          "sf.bcsh:2:88", "storefront tokens have no scopes"
        ),
        (
          "token mint tok1 --from minter-acct --kind private --channel 1 --expires 2020-01-01 --scope B2B",
          "sf.bcsh:2:73", "is not in the future"
        ),
        (
          "token mint tok1 --from minter-acct --kind private --channel x --expires 3d --scope B2B",
          "sf.bcsh:2:61", "'x' is not a channel id"
        ),
        (
          "token mint tok1 --from minter-acct --kind storefront --channel 1 --expires 3d --origin https://a --origin https://b --origin https://c",
          "sf.bcsh:2:126", "at most 2 CORS origins"
        ),
        (
          "token mint tok1 --from minter-acct --kind impersonation --channel 1 --expires 3d --origin https://a",
          "sf.bcsh:2:91", "only storefront tokens take CORS origins"
        ),
        (
          "token mint tok1 --from nobody-here --kind private --channel 1 --expires 3d --scope B2B",
          "sf.bcsh:2:24", "no token named 'nobody-here'"
        ),
        (
          "token mint tok1 --from minter-acct --kind privat --channel 1 --expires 3d", "sf.bcsh:2:43",
          "unknown storefront token kind 'privat'"
        ),
        (
          "token mint tok1 --from minter-acct --kind private --channel 1 --expires 3d --scope customer",
          "sf.bcsh:2:84", "unknown storefront scope 'customer'"
        ),
        (
          "token mint minter-acct --from minter-acct --kind private --channel 1 --expires 3d --scope B2B",
          "sf.bcsh:2:12", "already exists"
        ),
      ]
      for (line, place, message) in cases {
        let (run, status) = await self.run(minter + line, in: sandbox)
        #expect(status == .commandFailed, "\(line)")
        #expect(run.output.error.contains("\(place): error: "), "\(line): \(run.output.error)")
        #expect(run.output.error.contains(message), "\(line): \(run.output.error)")
        #expect(run.transport.sent.isEmpty, "\(line)")
        #expect(run.shell.state.session.tokenCount == 1)
      }
    }
  }

  @Test func anAccountWithoutTheScopeIsRefusedBeforeSendingOrByTheAPI() async throws {
    try await withSandbox { sandbox in
      // Its declared scopes lack Storefront API Tokens: refused before anything is sent.
      let declared = """
        token new migration-acct; path set $HASH; token set access-token --env MIGRATION
        scope preset migration-to
        token mint srv-tok --from migration-acct --kind private --channel 1 --expires 3d --scope Unauthenticated
        """
      let (before, status) = await run(declared, in: sandbox)
      #expect(status == .commandFailed)
      #expect(before.transport.sent.isEmpty)
      #expect(
        before.output.error.contains(
          "sf.bcsh:3:27: error: 'migration-acct' does not declare Storefront API Tokens (store_storefront_api)"
        ))
      #expect(before.output.error.contains("'scope add storefront-api-tokens'"))
      #expect(before.output.error.contains("'token checklist'"))

      // No declared scopes: the API's 403 says the same.
      let undeclared = """
        token new migration-acct; path set $HASH; token set access-token --env MIGRATION
        token mint srv-tok --from migration-acct --kind impersonation --channel 1 --expires 3d
        """
      let (after, refused) = await run(undeclared, in: sandbox)
      #expect(refused == .commandFailed)
      #expect(after.transport.sent.count == 1)
      #expect(
        after.output.error.contains(
          "the API refused to mint an impersonation token (HTTP 403): 'migration-acct' lacks Storefront API "
            + "Customer Impersonation Tokens (store_storefront_api_customer_impersonation)"))
      #expect(after.shell.state.session.token(named: "srv-tok") == nil)
    }
  }

  @Test func aPrivateTokenWithoutTheQuerysScopeIsAProblemNamingTheScope() async throws {
    try await withSandbox { sandbox in
      let script =
        minter + """
          token mint customer-only --from minter-acct --kind private --channel 1 --expires 3d --scope Customer
          verify customer-only
          """
      let (run, status) = await self.run(script, in: sandbox)
      #expect(status == .verifyProblem)
      #expect(
        run.output.output.contains(
          "result: problem — the private token lacks the GraphQL scope the query needs: Unauthenticated"))
      #expect(run.output.output.contains("--kind private --scope Unauthenticated"))
      #expect(run.shell.state.session.token(named: "customer-only")?.lastVerification?.result == .problem)
    }
  }

  /// Neither `-x` traces nor `--json` carry a minted token; `--json` shows its record.
  @Test func tracesAndJSONNeverCarryAMintedToken() async throws {
    try await withSandbox { sandbox in
      var options = ShellOptions()
      options.trace = true
      let script =
        minter + """
          token mint server-tok --from minter-acct --kind private --channel 1 --expires 30d --scope Unauthenticated
          token show server-tok
          token list
          verify server-tok
          """
      for json in [false, true] {
        let (run, status) = await self.run(script, in: sandbox, options: options, json: json)
        #expect(status == .success, "\(run.text)")
        let secret = try #require(run.mintedSecrets.first)
        #expect(!run.text.contains(secret))
        #expect(!run.text.contains("eyJ"))
        if json {
          #expect(
            run.output.output.contains(#""kind" : "private""#)
              || run.output.output.contains(#""kind": "private""#))
          #expect(run.output.output.contains("\"minted_from\""))
        } else {
          #expect(run.output.error.contains("+ token mint server-tok"))
        }
      }
    }
  }

  /// Tab after `--channel` lists the channels of the `--from` token's store, asked once.
  @Test func channelsCompleteFromTheAPIOnce() async throws {
    try await withSandbox { sandbox in
      let (run, status) = await self.run(minter, in: sandbox)
      #expect(status == .success)
      let engine = CompletionEngine(shell: run.shell)
      let line = "token mint tok1 --from minter-acct --channel "
      let first = engine.complete(line: line, cursor: line.utf8.count).candidates
      #expect(first.map(\.insertion) == ["1"])
      #expect(first.first?.detail == "bcsh Sandbox Store · storefront")
      let second = engine.complete(line: line, cursor: line.utf8.count).candidates
      #expect(second.map(\.insertion) == ["1"])
      #expect(run.transport.sent.filter { $0.url.hasSuffix("/v3/channels") }.count == 1)
      // A token the API refuses offers none.
      let (other, _) = await self.run(
        "token new wrong-acct; path set $HASH; token set access-token 0123456789abcdefghij0123456789a",
        in: sandbox)
      let refused = CompletionEngine(shell: other.shell)
      let asked = "token mint tok1 --from wrong-acct --channel "
      #expect(refused.complete(line: asked, cursor: asked.utf8.count).candidates.isEmpty)
    }
  }

  /// The store's domain a verify read becomes stencil's `normalStoreUrl` when nothing else says.
  @Test func exportForStencilTakesTheDomainVerifyRead() async throws {
    try await withSandbox { sandbox in
      let folder = TemporaryFolder("export-domain")
      let script = """
        token new store-reader; path set $HASH; token set access-token --env MIGRATION
        scope add information-settings
        verify
        export store-reader --for stencil \(folder.path)
        """
      let (run, status) = await self.run(script, in: sandbox, processes: SpawnedProcesses())
      #expect(status == .success, "\(run.text)")
      #expect(run.shell.state.session.current?.lastVerification?.storeDomain == "sandbox.example")
      let config = try String(contentsOfFile: folder.path + "/config.stencil.json", encoding: .utf8)
      #expect(config.contains(#""normalStoreUrl": "https://sandbox.example""#), "\(config)")
    }
  }
}
