import FoundationEssentials

/// `verify`: does the token really work, for this store, with every scope the job needs.
enum VerifyCommand {
  static let spec = CommandSpec(
    ["verify"], "check against the live API that the token works and holds its scopes (never writes)",
    arguments: [ArgumentSpec("NAME", .tokenName, .optional)],
    options: [
      OptionSpec("--all", "every token of the session, a summary table first"),
      OptionSpec("--scopes", value: ("WHICH", .scopeSelection), "declared (default), all, or none"),
      OptionSpec(
        "--for", value: ("PRESET|FILE", .coverageTarget),
        "after the probes, whether the token can run that preset's tool or that file's requests"),
      OptionSpec(
        "--timeout", value: ("SECONDS", .number),
        "the deadline for the whole verify (default 30; with --all, for each four tokens)"),
    ],
    example: "verify --scopes all", effects: .sendsRequests
  ) { context, invocation throws(BcshError) in
    // `Invocation` has checked it against the closed set.
    let selection = invocation.option("--scopes").map { ScopeSelection(rawValue: $0.value)! } ?? .declared
    let timeout = try VerifyCommand.timeout(invocation.option("--timeout"))
    let tokens: [Token]
    if invocation.flag("--all") {
      if let name = invocation.argument("NAME") {
        throw BcshError("give a token NAME or --all, not both", at: name.position)
      }
      tokens = context.state.session.tokens
      guard !tokens.isEmpty else {
        throw BcshError("the session has no tokens to verify", hint: "'token new NAME' creates one")
      }
    } else {
      tokens = [try context.token(named: invocation.argument("NAME"))]
    }
    // A file's unknown request is an error before anything is sent.
    let target = try invocation.option("--for").map { value throws(BcshError) in
      guard !invocation.flag("--all") else {
        throw BcshError(
          "--for checks one token; give NAME (or none for the current one), not --all", at: value.position)
      }
      return try Coverage.Target.read(value, token: tokens[0], context: context)
    }

    var reports = tokens.map(Verifier.offlineReport)
    let base = context.shell.environment.apiBase
    for index in reports.indices where base != APIBase.production { reports[index].requestBase = base }
    reports = try await context.capabilities.verifier.verify(
      tokens, offline: reports, scopes: selection, timeout: timeout)
    // Only what the live API answered is recorded: not a dry run's report, nor an offline one.
    let answered = zip(tokens, reports).filter { $0.1.wentOnline }
    let date = answered.isEmpty ? "" : context.shell.environment.now().formatted(.iso8601)
    for (token, report) in answered {
      let record = VerificationRecord(date: date, passed: report.passed, summary: report.summary)
      try context.state.session.update(token.name) { $0.lastVerification = record }
    }

    let status: ExitStatus
    if invocation.flag("--all") {
      context.report(
        VerifyAllRendering.text(reports, style: context.format.style), json: VerifyAllRendering.json(reports))
      status = VerifyAllRendering.exitStatus(of: reports)
    } else {
      let coverage = target.flatMap { Coverage.evaluate($0, after: reports[0], token: tokens[0]) }
      context.report(
        VerifyRendering.text(reports[0], style: context.format.style)
          + CoverageRendering.text(
            coverage, for: target, after: reports[0], token: tokens[0], style: context.format.style),
        json: CoverageRendering.json(VerifyRendering.json(reports[0]), adding: coverage))
      // Something the tool needs is missing: a finding about the token, as a missing scope is.
      let short = coverage?.isComplete == false && reports[0].exitStatus == .success
      status = short ? .verifyProblem : reports[0].exitStatus
    }
    if status != .success {
      // The report already said everything; the command fails with its status.
      var error = BcshError("verify found a problem", status: status)
      error.isReported = true
      throw error
    }
  }

  /// `--timeout SECONDS`: more than 0, at most an hour; 30 seconds by default.
  private static func timeout(_ argument: Argument?) throws(BcshError) -> Duration {
    guard let argument else { return .seconds(30) }
    // Decimal digits and one point only: Double also reads "0x10", "1e3" and "inf".
    let decimal = argument.value.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
    guard decimal, let seconds = Double(argument.value), seconds > 0, seconds <= 3600 else {
      throw BcshError(
        "\(ShownWord.quoted(argument.value)) is not a timeout in seconds (more than 0, at most 3600)",
        at: argument.position)
    }
    return .milliseconds(Int(seconds * 1000))
  }
}
