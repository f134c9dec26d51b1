import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `verify --all`: one summary table of every token, then each token's report.
enum VerifyAllRendering {
  static func text(_ reports: [VerifyReport], style: TextStyle, width: Int? = nil) -> String {
    var table = Table(headers: ["TOKEN", "KIND", "STORE OR ACCOUNT", "VERDICT", "MISSING SCOPES"])
    for report in reports {
      let verdict = verdict(of: report)
      let styled =
        switch report.exitStatus {
        case .success: style.good(verdict)
        case .verifyProblem: style.bad(verdict)
        default: style.warning(verdict)
        }
      table.rows.append([
        report.tokenName, report.storefront?.kind.rawValue ?? report.kind.rawValue,
        report.apiPath?.identifier ?? "-", styled,
        missing(in: report).map { "\($0.scopeID)=\($0.level)" }.joined(separator: " "),
      ])
    }
    let counts = tally(reports)
    var text = "verify --all: \(Counted.text(reports.count, "token"))"
    if let base = reports.lazy.compactMap(\.requestBase).first {
      text += " (" + style.warning("requests go to \(base)") + ")"
    }
    text += "\n" + table.rendered(style: style, width: width)
    text +=
      "\(counts.ok) ok, \(counts.problems) with a problem, \(counts.unchecked) could not be checked\n"
    for report in reports {
      text += "\n" + VerifyRendering.text(report, style: style, width: width)
    }
    return text
  }

  static func json(_ reports: [VerifyReport]) -> JSONValue {
    let counts = tally(reports)
    return .object([
      ("exit_status", .number(Int(VerifyReport.exitStatus(ofAll: reports).rawValue))),
      (
        "summary",
        .object([
          ("tokens", .number(reports.count)), ("ok", .number(counts.ok)),
          ("problems", .number(counts.problems)), ("not_checked", .number(counts.unchecked)),
        ])
      ),
      ("tokens", .array(reports.map(VerifyRendering.json))),
    ])
  }

  /// A few words for the VERDICT column.
  static func verdict(of report: VerifyReport) -> String {
    guard let diagnosis = report.diagnosis else { return report.passed ? "ok" : "incomplete" }
    return switch diagnosis {
    case .missingCredentials(_, let missing): missing.description
    case .invalidToken: "invalid token"
    case .storeMismatch: "wrong store"
    case .accountMismatch: "wrong account"
    case .storeNotFound: "no such store"
    case .accountNotFound: "no such account"
    case .storeUnavailable: "store unavailable"
    case .planLimit: "plan limit"
    case .missingScopes: "missing scopes"
    case .rateLimited, .rateLimitedRepeatedly: "rate limited"
    case .quotaNeedsTime: "needs more time"
    case .serverErrors: "server errors"
    case .timeout: "timed out"
    case .connectionRefused, .nameNotResolved, .tlsFailure, .transport: "network error"
    case .insecureURL: "insecure URL"
    case .storefrontTokenExpired: "expired"
    case .storefrontTokenRevoked: "revoked"
    case .storefrontTokenRefused: "refused"
    case .storefrontScopesMissing: "missing scopes"
    case .storefrontQueryFailed: "query failed"
    case .caBundle: "bad CA bundle"
    case .redirect: "redirected"
    case .malformedResponse, .unexpectedStatus: "unexpected answer"
    }
  }

  private static func missing(in report: VerifyReport) -> [ScopeGrant] {
    if case .missingScopes(let grants) = report.diagnosis { return grants }
    return []
  }

  private static func tally(_ reports: [VerifyReport]) -> (ok: Int, problems: Int, unchecked: Int) {
    let statuses = reports.map(\.exitStatus)
    return (
      statuses.filter { $0 == .success }.count, statuses.filter { $0 == .verifyProblem }.count,
      statuses.filter { $0 != .success && $0 != .verifyProblem }.count
    )
  }
}
