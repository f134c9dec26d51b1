import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import FoundationEssentials

/// `verify`: does the token really work, for this store, with every scope the job needs.
struct VerifyCommand: ShellCommand {
  static let name = OptionalArgument<String>("NAME", .tokenName)
  static let all = Flag("--all", "every token of the session, a summary table first")
  static let scopes = ValueOption<ScopeSelection>(
    "--scopes", value: "WHICH", "declared (default), all, or none")
  static let target = ValueOption<String>(
    "--for", value: "PRESET|FILE", .coverageTarget,
    "after the probes, whether the token can run that preset's tool or that file's requests")
  static let timeout = ValueOption<Timeout>(
    "--timeout", value: "SECONDS",
    "the deadline for the whole verify (default 30; with --all, for each four tokens)")
  static let spec = CommandSpec(
    ["verify"], "check against the live API that the token works and holds its scopes (never writes)",
    arguments: [name.spec], options: [all.spec, scopes.spec, target.spec, timeout.spec],
    example: "verify --scopes all", effects: .sendsRequests)

  /// `--timeout SECONDS`: more than 0, at most an hour.
  struct Timeout: ShellArgument {
    let duration: Duration

    static var kind: ArgumentKind { .number }

    init(argument: String) throws(BcshError) {
      // Decimal digits and one point only: Double also reads "0x10", "1e3" and "inf".
      let decimal = argument.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
      guard decimal, let seconds = Double(argument), seconds > 0, seconds <= 3600 else {
        throw BcshError(
          "\(ShownWord.quoted(argument)) is not a timeout in seconds (more than 0, at most 3600)",
          code: .invalidValue)
      }
      duration = .milliseconds(Int(seconds * 1000))
    }
  }

  let name: Given<String>?
  let all: Bool
  let selection: ScopeSelection
  /// A preset's name or a file of requests, read once the token is known.
  let target: Given<String>?
  let timeout: Duration

  init(from invocation: Invocation) throws(BcshError) {
    selection = try invocation.read(Self.scopes)?.value ?? .declared
    timeout = try invocation.read(Self.timeout)?.value.duration ?? .seconds(30)
    name = try invocation.read(Self.name)
    all = try invocation.read(Self.all)
    target = try invocation.read(Self.target)
  }

  func run(in context: inout CommandContext) async throws(BcshError) {
    let tokens: [Token]
    if all {
      if let name {
        throw BcshError("give a token NAME or --all, not both", code: .usage, at: name.position)
      }
      tokens = context.state.session.tokens
      guard !tokens.isEmpty else {
        throw BcshError(
          "the session has no tokens to verify", code: .notReady, hint: "'token new NAME' creates one")
      }
    } else {
      tokens = [try context.token(named: name)]
    }
    // A file's unknown request is an error before anything is sent.
    let target: Coverage.Target?
    if let value = self.target {
      guard !all else {
        throw BcshError(
          "--for checks one token; give NAME (or none for the current one), not --all", code: .usage,
          at: value.position)
      }
      target = try Self.coverageTarget(value, token: tokens[0], context: context)
    } else {
      target = nil
    }

    let now = context.now
    var reports = tokens.map { Verifier.offlineReport(for: $0, at: now) }
    let base = context.apiBase
    for index in reports.indices where base != APIBase.production { reports[index].requestBase = base }
    let verifier = context.capabilities.verifier
    var display: VerifyProgressDisplay?
    if context.format.showsProgress {
      var live = VerifyProgressDisplay(
        offline: reports, all: all, style: context.format.style,
        width: context.format.width, write: context.writer)
      let (events, continuation) = AsyncStream.makeStream(of: VerifyEvent.self)
      async let outcome = Self.verify(
        verifier, tokens, offline: reports, scopes: selection, timeout: timeout, events: continuation)
      for await event in events { live.show(event) }
      live.clearCounter()
      reports = try await outcome.get()
      display = live
    } else {
      reports = try await verifier.verify(tokens, offline: reports, scopes: selection, timeout: timeout)
    }

    let status: ShellExitStatus
    var verdicts = reports.map { (result: $0.result, summary: $0.summary) }
    if all {
      let text = VerifyAllRendering.text(reports, style: context.format.style, width: context.format.width)
      if var display {
        context.write(display.remainder(of: text))
      } else {
        context.report(text, json: VerifyAllRendering.json(reports))
      }
      status = VerifyReport.exitStatus(ofAll: reports)
    } else {
      let coverage = target.flatMap { Coverage.evaluate($0, after: reports[0], token: tokens[0]) }
      let text = VerifyRendering.text(
        reports[0], coverage: coverage, for: target, token: tokens[0], style: context.format.style,
        width: context.format.width)
      if var display {
        context.write(display.remainder(of: text))
      } else {
        context.report(text, json: CoverageRendering.json(VerifyRendering.json(reports[0]), adding: coverage))
      }
      // Something the tool needs is missing: a finding about the token, as a missing scope is.
      if let coverage, !coverage.isComplete, reports[0].exitStatus == .success {
        verdicts[0] = (.problem, CoverageRendering.summary(coverage, token: tokens[0]))
      }
      status = verdicts[0].result == .problem ? .verifyProblem : reports[0].exitStatus
    }

    // Every verify that ran is recorded, whatever it found, so that an old "passed" never
    // outlives it; a dry run sent nothing and records nothing (an interrupted one threw above).
    let date = context.now.formatted(.iso8601)
    for (token, (report, verdict)) in zip(tokens, zip(reports, verdicts)) where !report.dryRun {
      // A domain is a host name: anything else the API said is not kept.
      let domain = report.store?.domain.flatMap {
        $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") } && !$0.isEmpty
          ? $0 : nil
      }
      let record = VerificationRecord(
        date: date, result: verdict.result, summary: verdict.summary, storeDomain: domain)
      try context.state.session.update(token.name) { $0.lastVerification = record }
    }
    // The report said everything; the command fails with its status, and what it recorded stands.
    if status != .success { context.failedStatus = status }
  }

  /// Verifies and then ends `events`, so that whoever reads them stops when the answers are in.
  private static func verify(
    _ verifier: any TokenVerifying, _ tokens: [Token], offline: [VerifyReport], scopes: ScopeSelection,
    timeout: Duration, events: AsyncStream<VerifyEvent>.Continuation
  ) async -> Result<[VerifyReport], BcshError> {
    defer { events.finish() }
    do throws(BcshError) {
      return .success(
        try await verifier.verify(tokens, offline: offline, scopes: scopes, timeout: timeout, events: events))
    } catch {
      return .failure(error)
    }
  }

  /// Reads `--for VALUE`: a preset's name, else a request file (relative to the current
  /// folder). A file's unknown request is an error before anything is sent.
  static func coverageTarget(_ value: Given<String>, token: Token, context: CommandContext) throws(BcshError)
    -> Coverage.Target
  {
    if let preset = Preset.named(value.value) { return .preset(preset) }
    let path = context.resolvePath(value.value)
    guard context.files.fingerprint(of: path) != nil else {
      throw BcshError(
        "no preset or file \(ShownWord.quoted(value.value))", code: .unknownName,
        hint: Spelling.suggestion(for: value.value, among: Preset.all.map(\.name)).map {
          "did you mean '\($0)'?"
        }
          ?? "presets: \(Preset.all.map(\.name).joined(separator: ", ")); or a file of requests",
        at: value.position)
    }
    let (requests, _) = try ScopeNeedCommand.readRequests(value, context: context)
    return .file(value.value, try ScopeNeed.resolve(requests, declared: token.grants))
  }
}
