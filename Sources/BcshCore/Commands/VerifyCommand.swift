import FoundationEssentials

/// `verify`: does the token really work, for this store, with every scope the job needs.
enum VerifyCommand {
  static let spec = CommandSpec(
    ["verify"], "check against the live API that the token works and holds its scopes (never writes)",
    arguments: [ArgumentSpec("NAME", .tokenName, .optional)],
    options: [
      OptionSpec("--scopes", value: ("WHICH", .scopeSelection), "declared (default), all, or none"),
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
        date: context.shell.environment.now().formatted(.iso8601), passed: report.passed,
        summary: report.summary)
      try context.state.session.update(token.name) { $0.lastVerification = record }
    }
    context.report(
      VerifyRendering.text(report, style: context.format.style), json: VerifyRendering.json(report))
    if report.exitStatus != .success {
      // The report already said everything; the command fails with its status.
      var error = BcshError("verify found a problem", status: report.exitStatus)
      error.isReported = true
      throw error
    }
  }
}
