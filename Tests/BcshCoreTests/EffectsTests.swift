import BcshProcesses
import Foundation
import TestSupport
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// Everything a command does outside the session, counted: requests sent, keyring reads and
/// writes, secrets asked for. The transport answers nothing (every request fails), which is enough
/// to count it.
final class EffectCounter: HTTPTransport, SecretStoring, SecretReading, @unchecked Sendable {
  private let lock = NSLock()
  private let keyring = MemoryKeyring()
  private var counts: (sent: Int, keyringReads: Int, keyringWrites: Int, secretsRead: Int) = (0, 0, 0, 0)

  var sent: Int { lock.withLock { counts.sent } }
  var keyringReads: Int { lock.withLock { counts.keyringReads } }
  var keyringWrites: Int { lock.withLock { counts.keyringWrites } }
  var secretsRead: Int { lock.withLock { counts.secretsRead } }
  /// Whether anything at all happened.
  var any: Bool { sent + keyringReads + keyringWrites + secretsRead > 0 }

  func send(_ request: HTTPRequest, deadline: ContinuousClock.Instant) async throws -> HTTPResponse {
    lock.withLock { counts.sent += 1 }
    throw TransportError.connectionRefused(host: "counted.invalid")
  }

  func shutdown() async {}

  func store(_ secret: String, label: String, attributes: [String: String]) throws(BcshError) {
    lock.withLock { counts.keyringWrites += 1 }
    try keyring.store(secret, label: label, attributes: attributes)
  }

  func lookup(_ attributes: [String: String]) throws(BcshError) -> String? {
    lock.withLock { counts.keyringReads += 1 }
    return try keyring.lookup(attributes)
  }

  func search(_ attributes: [String: String]) throws(BcshError) -> [[String: String]] {
    lock.withLock { counts.keyringReads += 1 }
    return try keyring.search(attributes)
  }

  func remove(_ attributes: [String: String]) throws(BcshError) {
    lock.withLock { counts.keyringWrites += 1 }
    try keyring.remove(attributes)
  }

  func readSecret(prompt: String) throws(BcshError) -> String {
    lock.withLock { counts.secretsRead += 1 }
    return Sample.clientSecret
  }
}

/// `--dry-run` comes from the table: a command reaches files, the network, hidden entry and the
/// keyring only through the capabilities its declared effects grant, and under `--dry-run` those
/// do nothing.
@Suite struct EffectsTests {
  /// A line for every command that declares effects, using them.
  static let uses: [String: [String]] = [
    "save": ["save s.json", "save c.txt --format txt", "save e.env --format env", "save k.json --keyring"],
    "open": ["open --discard kept.json"],
    "verify": ["verify", "verify --all --scopes all"],
    "token set": ["token set client-secret"],
    "token mint": [
      "scope add storefront-api-tokens; token mint sf-private --from cart-migration --kind private --channel 1 "
        + "--expires 3d --scope Unauthenticated"
    ],
    "token revoke": [
      "scope add storefront-api-tokens; token mint sf-browser --from cart-migration --kind storefront "
        + "--channel 1 --expires 3d; token revoke sf-browser"
    ],
    "export": [
      "export cart-migration --for catalyst", "export cart-migration --for stencil",
      "export cart-migration --for env",
    ],
    "doctor": ["save creds.env --format env; doctor --verify"],
    "exec": ["exec cart-migration -- /bin/sh -c 'echo ran > ran.txt'"],
  ]

  static let prepare = """
    token new cart-migration; scope preset migration-to; path set abc123
    token set access-token --env AT

    """

  /// A shell on `folder` whose every effect goes to `counter`.
  func shell(in folder: String, dryRun: Bool, counter: EffectCounter) -> (Shell, CapturedOutput) {
    let environment = ShellEnvironment(
      variables: ["HOME": folder, "AT": Sample.accessToken], currentDirectory: folder,
      apiBase: "http://127.0.0.1:9",
      ports: Ports(
        transport: { counter }, keyring: { counter }, secretReader: counter, files: LocalFiles(),
        processes: SpawnedProcesses()))
    var options = ShellOptions()
    options.dryRun = dryRun
    let output = CapturedOutput()
    return (Shell(environment: environment, options: options, writer: output), output)
  }

  /// What is in a folder, down to each file's bytes, mode and time.
  func snapshot(_ folder: String) -> [String: String] {
    let files = FileManager.default
    var found: [String: String] = [:]
    for name in (try? files.contentsOfDirectory(atPath: folder)) ?? [] {
      let path = folder + "/" + name
      let attributes = (try? files.attributesOfItem(atPath: path)) ?? [:]
      let contents = files.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
      found[name] =
        "\(attributes[.posixPermissions] ?? "") \(attributes[.modificationDate] ?? "") \(contents)"
    }
    return found
  }

  @Test func everyCommandThatDeclaresEffectsIsExercisedHere() {
    let declaring = Set(CommandTable.all.filter { !$0.effects.isEmpty }.map(\.name))
    #expect(declaring == Set(Self.uses.keys))
  }

  @Test(arguments: uses.values.flatMap { $0 }.sorted())
  func aDryRunLeavesTheFolderTheKeyringAndTheNetworkAlone(line: String) async {
    let folder = TemporaryFolder("core")
    // The folder holds a keyring session file to open.
    let setup = EffectCounter()
    let (writer, _) = shell(in: folder.path, dryRun: false, counter: setup)
    #expect(
      await writer.run(script: Self.prepare + "save kept.json --keyring", source: "t", path: nil) == .success)
    let before = snapshot(folder.path)

    let counter = EffectCounter()
    let (dry, output) = shell(in: folder.path, dryRun: true, counter: counter)
    _ = await dry.run(script: Self.prepare + line, source: "t", path: nil)
    #expect(snapshot(folder.path) == before, "\(line) changed the folder: \(output.output)\(output.error)")
    #expect(counter.sent == 0 && counter.keyringWrites == 0 && counter.secretsRead == 0, "\(line)")

    // Without --dry-run the same line does act: the check above can fail.
    let real = EffectCounter()
    let (live, _) = shell(in: folder.path, dryRun: false, counter: real)
    _ = await live.run(script: Self.prepare + line, source: "t", path: nil)
    #expect(real.any || snapshot(folder.path) != before, "\(line) does nothing even for real")
    withExtendedLifetime(folder) {}
  }

  /// A handler that uses one capability, run as a command declaring `effects`.
  func probe(_ use: Effects, declaring effects: Effects, in folder: String, counter: EffectCounter) async
    -> BcshError?
  {
    let token = {
      var token = Token(name: "probe", kind: .store)
      token.apiPath = .store(hash: "abc123")
      token.accessToken = Secret(Sample.accessToken)
      return token
    }()
    let spec = CommandSpec(["probe"], "uses one capability", example: "probe", effects: effects).handled {
      context, _ throws(BcshError) in
      switch use {
      case .writesFiles:
        _ = try context.capabilities.files.write(
          "x", to: folder + "/probe.txt", expected: nil, force: false, shownAs: nil, what: "probe")
      case .sendsRequests:
        _ = try await context.capabilities.verifier.verify(
          [token], offline: [Verifier.offlineReport(for: token, at: Date())], scopes: .declared,
          timeout: .seconds(5))
      case .readsSecrets:
        _ = try context.capabilities.secretReader?.readSecret(prompt: "secret: ")
      case .runsPrograms:
        let plan = ExecPlan(
          arguments: ["/bin/sh", "-c", "echo ran > probe.txt"], keys: [], environment: ["PATH=/usr/bin:/bin"])
        _ = try context.capabilities.programs.run(plan, in: folder)
      default:
        try context.capabilities.keyring.forWriting().store("s", label: "probe", attributes: ["probe": "1"])
      }
    }
    let (shell, _) = self.shell(in: folder, dryRun: false, counter: counter)
    var context = CommandContext(state: shell.state, shell: shell, scriptPath: nil, sourceStack: [])
    context.declared = (spec.words, spec.effects)
    let position = SourcePosition(source: "t", line: 1, column: 1)
    do throws(BcshError) {
      try await spec.handler(&context, try Invocation(spec: spec, position: position, words: []))
      return nil
    } catch {
      return error
    }
  }

  @Test(arguments: Effects.phrases.map(\.0))
  func aCapabilityNotDeclaredRefusesLoudly(effect: Effects) async {
    let folder = TemporaryFolder("core")
    let declared = EffectCounter()
    #expect(await probe(effect, declaring: effect, in: folder.path, counter: declared) == nil)
    #expect(declared.any || FileManager.default.fileExists(atPath: folder.path + "/probe.txt"))
    try? FileManager.default.removeItem(atPath: folder.path + "/probe.txt")

    let counter = EffectCounter()
    let error = await probe(
      effect, declaring: Effects.all.subtracting(effect), in: folder.path, counter: counter)
    let phrase = Effects.phrases.first { $0.0 == effect }!.1
    #expect(error?.code == .internal)
    // The one test of this kind's wording.
    #expect(error?.message == "internal error: 'probe' does not declare that it \(phrase)")
    #expect(!counter.any && !FileManager.default.fileExists(atPath: folder.path + "/probe.txt"))
    withExtendedLifetime(folder) {}
  }

  /// Handlers reach effects only through `context.capabilities`: nothing in the commands' folder
  /// names the real ones.
  @Test func noHandlerReachesAnEffectDirectly() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Sources/BcshShell/Commands").standardized
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".swift")
    }
    #expect(names.contains("SaveCommand.swift"))
    let direct = [
      "AtomicFile.", "FileFingerprint.of", "FileManager", "ports.transport", "ports.keyring",
      "ports.secretReader", "ports.processes",
      "GitExposure",
      "options.dryRun",
      "Verifier(",
    ]
    for name in names {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      for word in direct { #expect(!text.contains(word), "\(name) uses \(word)") }
    }
  }
}

extension Effects {
  static let all: Effects = Effects(phrases.map(\.0))
}

extension Effects: CustomTestStringConvertible {
  public var testDescription: String {
    Effects.phrases.filter { contains($0.0) }.map(\.1).joined(separator: ", ")
  }
}
