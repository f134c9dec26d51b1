import Foundation

/// `verify`: does the token really work, for this store, with every scope the job needs.
enum VerifyCommand {
  static let spec = CommandSpec(
    ["verify"], "check against the live API that the token works and holds its scopes (never writes)",
    arguments: [ArgumentSpec("NAME", .tokenName, .optional)],
    options: [
      OptionSpec("--scopes", value: ("WHICH", .scopeSelection), "declared (default), all, or none"),
      OptionSpec(
        "--for", value: ("PRESET|FILE", .coverageTarget),
        "after the probes, whether the token can run that preset's tool or that file's requests"),
      OptionSpec("--timeout", value: ("SECONDS", .number), "the deadline for the whole verify (default 30)"),
    ],
    example: "verify --scopes all"
  ) { context, invocation throws(BcshError) in
    let token = try context.token(named: invocation.argument("NAME"))
    // `Invocation` has checked it against the closed set.
    let selection = invocation.option("--scopes").map { ScopeSelection(rawValue: $0.value)! } ?? .declared
    var timeout = Duration.seconds(30)
    if let argument = invocation.option("--timeout") {
      guard let seconds = Double(argument.value), seconds > 0, seconds <= 3600 else {
        throw BcshError(
          "'\(argument.value)' is not a timeout in seconds (more than 0, at most 3600)", at: argument.position
        )
      }
      timeout = .milliseconds(Int(seconds * 1000))
    }
    let target = try invocation.option("--for").map { value throws(BcshError) in
      try Coverage.Target.read(value, token: token, context: context)
    }
    var report: VerifyReport
    let offline = Verifier.offlineReport(for: token)
    if context.shell.options.dryRun || offline.diagnosis != nil {
      report = offline
      report.dryRun = context.shell.options.dryRun
    } else {
      let transport: any HTTPTransport
      do {
        transport = try context.shell.environment.makeTransport()
      } catch let error as BcshError {
        throw error
      } catch {
        throw BcshError("cannot start the HTTP client: \(error)")
      }
      let verifier = Verifier(transport: transport, apiBase: context.shell.environment.apiBase)
      report = await verifier.verify(token, scopes: selection, timeout: timeout)
      await transport.shutdown()
      if Task.isCancelled {
        throw BcshError("verify interrupted; nothing was recorded", status: .interrupted)
      }
      let record = VerificationRecord(
        date: ISO8601DateFormatter().string(from: context.shell.environment.now()), passed: report.passed,
        summary: report.summary)
      try context.state.session.update(token.name) { $0.lastVerification = record }
    }
    let coverage = target.flatMap { Coverage.evaluate($0, after: report, token: token) }
    context.report(
      VerifyRendering.text(report, style: context.format.style)
        + (coverage.map { CoverageRendering.text($0, token: token, style: context.format.style) } ?? ""),
      json: CoverageRendering.json(VerifyRendering.json(report), adding: coverage))
    if report.exitStatus != .success || coverage?.isComplete == false {
      // The report already said everything; the command fails with its status.
      let status = report.exitStatus == .success ? .verifyProblem : report.exitStatus
      var error = BcshError("verify found a problem", status: status)
      error.isReported = true
      throw error
    }
  }
}
