/// How a verify report reads, step by step, for people and for `--json`.
enum VerifyRendering {
  static func text(_ report: VerifyReport, style: TextStyle) -> String {
    var text = "verify '\(report.tokenName)' (\(report.kind)-level)"
    text += report.apiPath.map { " at \($0.canonical)\n" } ?? "\n"
    if let base = report.requestBase {
      text += "  " + style.warning("requests go to \(base)") + ", not to \(APIBase.production)\n"
    }
    let offlineProblem: Diagnosis? =
      if case .missingCredentials = report.diagnosis { report.diagnosis } else { nil }
    text += step(
      "offline", offlineProblem == nil ? style.good("ok") : style.bad("failed"),
      offlineProblem == nil ? "API path and credentials present" : offlineProblem!.message)
    for warning in report.warnings { text += step("", style.warning("warning"), warning) }
    if report.dryRun {
      text += step("online", style.dim("skipped"), "dry run: nothing was sent")
      return text
    }
    guard offlineProblem == nil else { return text + footer(report, style: style) }
    let liveness = report.kind == .store ? "GET \(Verifier.storeLivenessPath)" : "account { id } query"
    if let status = report.livenessStatus {
      let ok = status == 200 && !(report.diagnosis.map(isLivenessFailure) ?? false)
      text += step(
        "liveness", ok ? style.good("ok") : style.bad("failed"), "\(liveness) answered HTTP \(status)")
    } else if let diagnosis = report.diagnosis, report.scopes.isEmpty {
      text += step("liveness", style.bad("failed"), "\(liveness): \(diagnosis.message)")
    }
    if let store = report.store {
      // The store's name, plan and domain come from the API: shown escaped (`ShownWord.escaped`).
      let parts = [store.name, store.plan.map { "plan \($0)" }, store.domain].compactMap { $0 }
        .map { ShownWord.escaped($0) }
      text += step("store", style.good("ok"), parts.joined(separator: " · "))
    }
    if !report.scopes.isEmpty {
      text += "  scopes\n"
      var table = Table(headers: ["    SCOPE", "DECLARED", "RESULT", "HTTP"])
      for result in report.scopes {
        let summary = ShownWord.escaped(result.summary)
        let styled: String =
          switch result.outcome {
          case .granted: style.good(summary)
          case .missing: result.declared == nil ? style.dim(summary) : style.bad(summary)
          case .notProbeable, .inconclusive: style.dim(summary)
          case .error: style.bad(summary)
          }
        table.rows.append([
          "    " + result.scope.uiName, result.declared?.rawValue ?? "-", styled,
          result.status.map(String.init) ?? "-",
        ])
      }
      text += table.rendered(style: style)
    }
    return text + footer(report, style: style)
  }

  private static func footer(_ report: VerifyReport, style: TextStyle) -> String {
    var text = ""
    if let diagnosis = report.diagnosis {
      text += style.bad("result: problem") + " — \(ShownWord.escaped(diagnosis.message))\n"
      text += "what to do: \(ShownWord.escaped(diagnosis.advice))\n"
    } else if !report.passed {
      text += style.bad("result: incomplete") + " — some probes got no usable answer (see above)\n"
      text += "what to do: verify again; if it persists, check the network and BCSH_API_BASE\n"
    } else {
      text += style.good("result: ok") + " — \(summary(report))\n"
    }
    let undeclared = report.scopes.filter { $0.declared == nil && $0.outcome == .granted }
    if report.diagnosis == nil, report.kind == .store, report.selection == .declared,
      !report.scopes.contains(where: { $0.declared != nil })
    {
      text +=
        "hint: no scopes declared, so none was checked: 'verify --scopes all' finds out what the token can "
        + "do; or declare the job's scopes ('scope add', 'scope preset') and verify again\n"
    }
    if !undeclared.isEmpty {
      text += "it can also read: \(undeclared.map(\.scope.id).joined(separator: " "))\n"
      text += "to declare them: scope add \(undeclared.map(\.scope.id).joined(separator: " "))\n"
    }
    return text
  }

  private static func isLivenessFailure(_ diagnosis: Diagnosis) -> Bool {
    switch diagnosis {
    case .invalidToken, .storeMismatch, .storeNotFound, .storeUnavailable, .planLimit, .redirect,
      .malformedResponse, .unexpectedStatus:
      true
    default: false
    }
  }

  private static func step(_ name: String, _ verdict: String, _ detail: String) -> String {
    "  " + name.padding(to: 10) + verdict
      + String(repeating: " ", count: max(1, 9 - TextStyle.width(of: verdict)))
      + ShownWord.escaped(detail) + "\n"
  }

  static func json(_ report: VerifyReport) -> JSONValue {
    .object([
      ("token", .string(report.tokenName)),
      ("kind", .string(report.kind.rawValue)),
      ("api_path", .optional(report.apiPath?.canonical)),
      ("requests_to", .string(report.requestBase ?? APIBase.production)),
      ("passed", .bool(report.passed)),
      ("exit_status", .number(Int(report.exitStatus.rawValue))),
      ("dry_run", .bool(report.dryRun)),
      ("warnings", .array(report.warnings.map(JSONValue.string))),
      ("liveness_status", report.livenessStatus.map(JSONValue.number) ?? .null),
      (
        "store",
        report.store.map { store in
          .object([
            ("id", .optional(store.id)), ("name", .optional(store.name)), ("plan", .optional(store.plan)),
            ("domain", .optional(store.domain)),
          ])
        } ?? .null
      ),
      (
        "scopes",
        .array(
          report.scopes.map { result in
            .object([
              ("scope", .string(result.scope.id)),
              ("name", .string(result.scope.uiName)),
              ("declared", .optional(result.declared?.rawValue)),
              ("result", .string(outcomeKey(result.outcome))),
              ("detail", .string(result.summary)),
              ("http_status", result.status.map(JSONValue.number) ?? .null),
            ])
          })
      ),
      (
        "problem",
        report.diagnosis.map { .object([("message", .string($0.message)), ("advice", .string($0.advice))]) }
          ?? .null
      ),
    ])
  }

  private static func outcomeKey(_ outcome: ProbeOutcome) -> String {
    switch outcome {
    case .granted: "granted"
    case .missing: "missing"
    case .notProbeable: "not_probeable"
    case .inconclusive: "inconclusive"
    case .error: "error"
    }
  }

  /// One line for `token list`: "all 8 scopes granted" or "missing: marketing, orders".
  static func summary(_ report: VerifyReport) -> String {
    if let diagnosis = report.diagnosis {
      if case .missingScopes(let grants) = diagnosis {
        return "missing: " + grants.map(\.scopeID).joined(separator: ", ")
      }
      return diagnosis.message
    }
    if !report.passed { return "incomplete: some probes failed" }
    guard report.kind == .store else { return "the token works" }
    let declared = report.scopes.filter { $0.declared != nil }
    let confirmed = declared.filter { $0.outcome == .granted }.count
    let unchecked = declared.count - confirmed
    if declared.isEmpty { return "the token works (no scopes declared)" }
    var text =
      declared.count == confirmed
      ? "the token works and holds \(confirmed == 1 ? "its declared scope" : "all \(confirmed) declared scopes")"
      : "the token works; \(confirmed) of \(declared.count) declared scopes confirmed"
    if unchecked > 0 { text += ", \(unchecked) cannot be checked without writing" }
    return text
  }
}

extension VerifyReport {
  /// One line: what `token list` shows as the last verify, and the result line's words.
  public var summary: String { VerifyRendering.summary(self) }
}
