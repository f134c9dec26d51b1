import BcshFormats
import BcshModel
import BcshPorts
import FoundationEssentials

/// `verify --for PRESET|FILE`: whether a verified token can run a tool (a preset's scopes) or a
/// file's requests, and what a new account would need.
public struct Coverage: Sendable {
  /// What the token is checked against.
  public enum Target: Sendable {
    case preset(Preset)
    /// A file of requests, with the least set they need.
    case file(String, ScopeNeed)

    /// `preset stencil-publish` or `calls.txt`.
    public var name: String {
      switch self {
      case .preset(let preset): "preset \(preset.name)"
      case .file(let name, _): name
      }
    }
  }

  /// One scope the target needs and whether the verified token has it.
  public struct Item: Sendable {
    public var grant: ScopeGrant
    public var isCovered: Bool
    /// Why: "granted", "declared read-only", "missing (HTTP 403)".
    public var detail: String
  }

  public var target: Target
  public var items: [Item]
  /// Requests of the file whose scope the reference leaves open and the token does not declare.
  public var openChoices: [[ScopeGrant]]

  /// Whether the token has everything the target needs.
  public var isComplete: Bool { openChoices.isEmpty && items.allSatisfy(\.isCovered) }

  /// How many of the target's needs the token lacks: scopes not covered, and open choices.
  public var missingCount: Int { items.filter { !$0.isCovered }.count + openChoices.count }

  /// What a new API account for the target must declare.
  public var needed: [ScopeGrant] { items.map(\.grant) }

  /// The coverage of a finished verify, or nil when it stopped before the probes (a dry run, a
  /// token that is invalid or of another store): then nothing is known about its scopes.
  public static func evaluate(_ target: Target, after report: VerifyReport, token: Token) -> Coverage? {
    if report.dryRun { return nil }
    switch report.diagnosis {
    case nil, .missingScopes: return evaluate(target, report: report, token: token)
    default: return nil
    }
  }

  /// Judges each scope the target needs by what verify found and what the token declares: a
  /// probe that passed confirms reading only, so a higher level rests on the declaration.
  public static func evaluate(_ target: Target, report: VerifyReport, token: Token) -> Coverage {
    let (grants, open): ([ScopeGrant], [[ScopeGrant]]) =
      switch target {
      case .preset(let preset): (preset.grants, [])
      case .file(_, let need): (need.grants, need.openChoices)
      }
    let items = grants.map { grant in
      let result = report.scopes.first { $0.scope.id == grant.scopeID }
      let declared = token.level(of: grant.scopeID)
      if result?.outcome == .missing {
        return Item(
          grant: grant, isCovered: false, detail: "missing" + (result?.status.map { " (HTTP \($0))" } ?? ""))
      }
      guard let declared else {
        if result?.outcome == .granted && grant.level == .readOnly {
          return Item(grant: grant, isCovered: true, detail: "granted (not declared)")
        }
        return Item(
          grant: grant, isCovered: false,
          detail: result?.outcome == .granted
            ? "read access found; \(grant.level) not declared" : "not declared")
      }
      guard ScopeNeed.covers(declared, grant) else {
        return Item(grant: grant, isCovered: false, detail: "declared \(declared), needs \(grant.level)")
      }
      let detail =
        switch result?.outcome {
        case .granted:
          grant.level == .readOnly || grant.scope?.probe == nil
            ? "granted" : "read access confirmed; \(grant.level) declared"
        case .notProbeable: "declared; not probeable"
        case .inconclusive(let reason): "declared; \(reason)"
        case .error(let reason): "declared; probe failed: \(reason)"
        case .missing, nil: "declared; not probed"
        }
      return Item(grant: grant, isCovered: true, detail: detail)
    }
    return Coverage(target: target, items: items, openChoices: open)
  }
}
