import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import JSONText

/// `doctor [DIR] [--verify]`: the credential mistakes of a project folder, one a line with its
/// `file:line` and its fix. Exit 1 when it found one, 2 when something could not be checked.
struct DoctorCommand: ShellCommand {
  static let folder = OptionalArgument<String>("DIR", .file(.any))
  static let verify = Flag("--verify", "also check each credential found against the API (read-only)")
  static let spec = CommandSpec(
    ["doctor"],
    "find credential mistakes in a project folder (secrets git would take, keys no tool reads, ...)",
    arguments: [folder.spec], options: [verify.spec], example: "doctor . --verify", effects: .sendsRequests)

  let folder: Given<String>?
  let verify: Bool

  init(from invocation: Invocation) throws(BcshError) {
    folder = try invocation.read(Self.folder)
    verify = try invocation.read(Self.verify)
  }

  func run(in context: inout CommandContext) async throws(BcshError) {
    let shown = folder?.value ?? "."
    let path = context.resolvePath(shown)
    var (report, credentials) = try BcshError.placing(at: folder?.position) { () throws(BcshError) in
      try context.projectDoctor.check(path, shownAs: shown)
    }
    // Nothing doctor writes quotes them; masked all the same, should a parser's message ever do.
    for credential in credentials { context.maskFromNow(credential.accessToken) }
    if verify && !credentials.isEmpty {
      try await Self.verify(&credentials, into: &report, context: context)
    }
    report.findings.sort { ($0.file, $0.line) < ($1.file, $1.line) }
    context.report(Self.text(report), json: Self.json(report, folder: shown))
    if report.exitStatus != .success { context.failedStatus = report.exitStatus }
  }

  /// Each distinct credential checked for liveness (no scope probes), findings for the ones that
  /// fail; one verify, so that tokens of one store share its pacing.
  static func verify(
    _ credentials: inout [ProjectDoctor.Credential], into report: inout DoctorReport, context: CommandContext
  ) async throws(BcshError) {
    var distinct: [ProjectDoctor.Credential] = []
    for credential in credentials
    where !distinct.contains(where: {
      $0.storeHash == credential.storeHash && $0.accessToken == credential.accessToken
    }) {
      distinct.append(credential)
    }
    let tokens = distinct.map { credential in
      var token = Token(name: "\(credential.file):\(credential.line)", kind: .store)
      token.apiPath = .store(hash: credential.storeHash)
      token.accessToken = Secret(credential.accessToken)
      return token
    }
    let now = context.now
    let offline = tokens.map { Verifier.offlineReport(for: $0, at: now) }
    let reports = try await context.capabilities.verifier.verify(
      tokens, offline: offline, scopes: .none, timeout: .seconds(30))
    for (credential, verified) in zip(distinct, reports) where !verified.dryRun {
      switch verified.result {
      case .passed: break
      case .problem:
        report.findings.append(
          DoctorFinding(
            .verifyProblem, file: credential.file, line: credential.line,
            "the API refuses this credential for store \(credential.storeHash): \(context.masked(verified.summary))",
            fix: "bcsh verify explains; a new API account (token checklist) replaces a dead one"))
      case .notChecked:
        report.unchecked.append("\(credential.file):\(credential.line): \(context.masked(verified.summary))")
      }
    }
  }

  static func text(_ report: DoctorReport) -> String {
    var lines = report.findings.map { "\($0.place): \($0.message); fix: \($0.fix)" }
    lines += report.unchecked.map { "not checked: \($0)" }
    let files = Counted.text(report.files.count, "credential file")
    lines.append(
      report.findings.isEmpty
        ? "no problems found in \(files)"
        : "\(Counted.text(report.findings.count, "problem")) in \(files)")
    // File names and values come from the folder: a line break or an escape sequence in one is shown
    // escaped, never sent to the terminal.
    return lines.map { ShownWord.escaped($0) }.joined(separator: "\n") + "\n"
  }

  static func json(_ report: DoctorReport, folder: String) -> JSONValue {
    .object([
      ("folder", .string(folder)),
      ("files", .array(report.files.map(JSONValue.string))),
      (
        "findings",
        .array(
          report.findings.map { finding in
            .object([
              ("kind", .string(finding.kind.rawValue)), ("file", .string(finding.file)),
              ("line", .number(finding.line)), ("message", .string(finding.message)),
              ("fix", .string(finding.fix)),
            ])
          })
      ),
      ("unchecked", .array(report.unchecked.map(JSONValue.string))),
      ("status", .number(Int(report.exitStatus.rawValue))),
    ])
  }
}
