import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// How a verify report reads, step by step, for people and for `--json`.
enum VerifyRendering {
  /// The report of one token; with `verify --for`, the coverage after the probes, and a result
  /// line that leads with whether the token can run the target.
  static func text(
    _ report: VerifyReport, coverage: Coverage? = nil, for target: Coverage.Target? = nil,
    token: Token? = nil,
    style: TextStyle, width: Int? = nil
  ) -> String {
    var text = steps(report, style: style, width: width)
    if let token {
      text += CoverageRendering.text(
        coverage, for: target, after: report, token: token, style: style, width: width)
    }
    if report.dryRun { return text }
    if let coverage, let token, !coverage.isComplete, report.diagnosis == nil {
      return text
        + TextWrapping.fitted(CoverageRendering.footer(coverage, token: token, style: style), width: width)
    }
    return text + TextWrapping.fitted(footer(report, style: style), width: width)
  }

  /// The steps verify took, each with its verdict, and the scopes table, fitted to `width`.
  static func steps(_ report: VerifyReport, style: TextStyle, width: Int? = nil) -> String {
    TextWrapping.fitted(unfittedSteps(report, style: style, width: width), width: width)
  }

  private static func unfittedSteps(_ report: VerifyReport, style: TextStyle, width: Int?) -> String {
    if let record = report.storefront { return storefrontSteps(report, record, style: style) }
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
    guard offlineProblem == nil else { return text }
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
    if report.kind == .account, !report.scopes.isEmpty {
      let boxes = report.scopes.count
      text += step(
        "scopes", style.dim("skipped"),
        "\(boxes) declared box\(boxes == 1 ? "" : "es") not probed: \(accountProbeReason)")
    } else if !report.scopes.isEmpty {
      text += "  scopes\n"
      // RESULT last: at a narrow terminal it wraps within its own column.
      var table = Table(headers: ["    SCOPE", "DECLARED", "HTTP", "RESULT"])
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
          "    " + result.scope.uiName, result.declared?.rawValue ?? "-",
          result.status.map(String.init) ?? "-",
          styled,
        ])
      }
      text += table.rendered(style: style, width: width)
    }
    return text
  }

  /// A minted storefront token's steps: offline (present, not expired or revoked), then the one
  /// GraphQL query.
  private static func storefrontSteps(
    _ report: VerifyReport, _ record: StorefrontTokenRecord, style: TextStyle
  )
    -> String
  {
    var text =
      "verify '\(report.tokenName)' (\(record.kind == .storefront ? "" : "\(record.kind.rawValue) ")storefront token)"
    text +=
      report.apiPath.map { " for store \($0.identifier), channel \(record.channels.first ?? 1)\n" } ?? "\n"
    let offlineProblem: Diagnosis? =
      switch report.diagnosis {
      case .missingCredentials?, .storefrontTokenExpired?, .storefrontTokenRevoked?: report.diagnosis
      default: nil
      }
    text += step(
      "offline", offlineProblem == nil ? style.good("ok") : style.bad("failed"),
      offlineProblem?.message ?? "token present; expires \(TokenExpiry.dayText(record.expiresAt))")
    if report.dryRun {
      text += step("online", style.dim("skipped"), "dry run: nothing was sent")
      return text
    }
    guard offlineProblem == nil else { return text }
    if let address = report.storefrontAddress {
      if report.storefrontBaseOverridden {
        text += "  " + style.warning("requests go to \(address)") + ", not to the channel's storefront\n"
      }
      if let origin = report.browserOrigin {
        text += step(
          "", style.dim("note"), "sent as a browser sends it, with Origin: \(origin) (browser-only token)")
      }
      let query = "POST \(address) \(Verifier.storefrontQuery)"
      if let status = report.livenessStatus {
        let ok = status == 200 && report.diagnosis == nil
        text += step("query", ok ? style.good("ok") : style.bad("failed"), "\(query) answered HTTP \(status)")
      } else if let diagnosis = report.diagnosis {
        text += step("query", style.bad("failed"), "\(query): \(diagnosis.message)")
      }
    }
    if let name = report.store?.name {
      text += step("store", style.good("ok"), "storeName \(ShownWord.escaped(name))")
    }
    return text
  }

  private static func footer(_ report: VerifyReport, style: TextStyle) -> String {
    var text = ""
    if let diagnosis = report.diagnosis {
      // Its label agrees with the exit status and with verify --all's summary.
      let label =
        report.result == .problem ? style.bad("result: problem") : style.warning("result: not checked")
      text += label + " — \(ShownWord.escaped(diagnosis.message))\n"
      text += "what to do: \(ShownWord.escaped(diagnosis.advice))\n"
    } else if !report.passed {
      text += style.bad("result: incomplete") + " — some probes got no usable answer (see above)\n"
      text += "what to do: verify again; if it persists, check the network and BCSH_API_BASE\n"
    } else {
      text += style.good("result: ok") + " — \(summary(report))\n"
    }
    let undeclared = report.scopes.filter { $0.declared == nil && $0.outcome == .granted }
    if report.diagnosis == nil, report.kind == .store, report.storefront == nil,
      report.selection == .declared,
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
      + String(repeating: " ", count: max(1, 9 - TextWidth.of(verdict)))
      + ShownWord.escaped(detail) + "\n"
  }

  static func json(_ report: VerifyReport) -> JSONValue {
    .object([
      ("token", .string(report.tokenName)),
      ("kind", .string(report.storefront?.kind.rawValue ?? report.kind.rawValue)),
      ("api_path", .optional(report.apiPath?.canonical)),
      ("graphql", .optional(report.storefrontAddress)),
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
    if let record = report.storefront {
      return "the \(record.kind.rawValue) token answers the storefront's GraphQL query"
    }
    let declared = report.scopes.filter { $0.declared != nil }
    guard report.kind == .store else {
      return declared.isEmpty
        ? "the token works"
        : "the token works; its \(Counted.text(declared.count, "declared scope")) \(declared.count == 1 ? "is" : "are") not "
          + "probed (\(accountProbeReason))"
    }
    let confirmed = declared.filter { $0.outcome == .granted }.count
    if declared.isEmpty { return "the token works (no scopes declared)" }
    var text =
      declared.count == confirmed
      ? "the token works and holds \(confirmed == 1 ? "its declared scope" : "all \(confirmed) declared scopes")"
      : "the token works; \(confirmed) of \(Counted.text(declared.count, "declared scope")) confirmed"
    // Why the others are not confirmed: a read-only scope with no read endpoint to probe, a scope
    // that only writes, or another declared scope that opens the same endpoint.
    let unprobeable = declared.filter { $0.outcome == .notProbeable }
    let noRead = unprobeable.filter { $0.declared == .readOnly }.count
    let writeOnly = unprobeable.count - noRead
    let inconclusive = declared.filter { if case .inconclusive = $0.outcome { true } else { false } }.count
    if noRead > 0 { text += ", \(noRead) not probeable (no read endpoint)" }
    if writeOnly > 0 { text += ", \(writeOnly) cannot be checked without writing" }
    if inconclusive > 0 { text += ", \(inconclusive) inconclusive" }
    return text
  }

  /// Why an account-level token's scopes are not probed one by one.
  static let accountProbeReason = "the account API allows 70 requests an hour; verify spends one"
}

extension VerifyReport {
  /// One line: what `token list` shows as the last verify, and the result line's words.
  public var summary: String { VerifyRendering.summary(self) }
}
