import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// How `scope need` reads: each request with what covers it, then the least set.
enum ScopeNeedRendering {
  /// `declared`: what the current token declares; a scope it already holds at a level that
  /// covers the need is said to be covered, never suggested again at a lower level.
  static func text(
    _ need: ScopeNeed, declared: [ScopeGrant] = [], added: Bool, style: TextStyle, width: Int? = nil
  ) -> String {
    var table = Table(headers: ["REQUEST", "SCOPE", "LEVEL", "ENDPOINT"])
    for line in need.lines {
      let (scope, level) = columns(line)
      table.rows.append([line.request.description, scope, level, line.endpoint.template])
    }
    var text = table.rendered(style: style, width: width)
    if need.lines.contains(where: \.isChosen) {
      text +=
        "* the reference names several scopes for that file; this one is already in the set or declared\n"
    }
    let unstated = need.lines.filter { if case .unstated = $0.endpoint.requirement { true } else { false } }
    if !unstated.isEmpty {
      text +=
        (unstated.count == 1
          ? "1 request matches an endpoint"
          : "\(unstated.count) requests match endpoints")
        + " the reference names no known scope for: bcsh cannot say what \(unstated.count == 1 ? "it needs" : "they need")\n"
    }
    let list = grantList(need.grants)
    if need.grants.isEmpty && need.openChoices.isEmpty {
      return text + "needs: no scope (the implicit default scope covers these requests)\n"
    }
    if !need.grants.isEmpty { text += "needs: \(list)\n" }
    for choice in need.openChoices {
      text +=
        (need.grants.isEmpty ? "needs one of: " : "and one of: ")
        + "\(grantList(choice)) (the reference does not say which)\n"
    }
    let covering = need.grants.map { grant in
      (grant, declared.last { $0.scopeID == grant.scopeID && ScopeNeed.covers($0.level, grant) })
    }
    let covered = covering.compactMap { grant, by in
      by.map { "\(grantList([grant])) is already covered by \(grantList([$0]))" }
    }
    if !added, !covered.isEmpty { text += covered.joined(separator: "; ") + "\n" }
    let missing = covering.filter { $0.1 == nil }.map(\.0)
    if !added && !missing.isEmpty {
      text +=
        "to declare \(missing.count == need.grants.count ? "them" : "the rest"): scope add \(grantList(missing))\n"
    } else if added {
      text += "declared on the current token ('token checklist' shows the account to create)\n"
    }
    return text
  }

  /// The SCOPE and LEVEL cells of a request's row.
  private static func columns(_ line: ScopeNeed.Line) -> (String, String) {
    switch line.endpoint.requirement {
    case .implicitDefault: return ("- (webhooks: the default scope)", "-")
    case .unstated(let unknown):
      return (unknown.isEmpty ? "- (none stated)" : "- (unknown: \(unknown.joined(separator: ", ")))", "-")
    case .anyOf(let alternatives):
      guard let covering = line.covering else {
        return ("one of " + alternatives.map { $0.scope?.uiName ?? $0.scopeID }.joined(separator: ", "), "-")
      }
      return (
        (covering.scope?.uiName ?? covering.scopeID) + (line.isChosen ? " *" : ""), covering.level.rawValue
      )
    }
  }

  /// `products=read-only orders=modify`.
  static func grantList(_ grants: [ScopeGrant]) -> String {
    grants.map { "\($0.scopeID)=\($0.level)" }.joined(separator: " ")
  }

  static func json(_ need: ScopeNeed) -> JSONValue {
    .object([
      ("scopes", .array(need.grants.map(ScopeRendering.json))),
      ("open_choices", .array(need.openChoices.map { .array($0.map(ScopeRendering.json)) })),
      (
        "requests",
        .array(
          need.lines.map { line in
            let requirement: String =
              switch line.endpoint.requirement {
              case .anyOf: "scope"
              case .implicitDefault: "default"
              case .unstated: "unstated"
              }
            return .object([
              ("method", .string(line.request.method.rawValue)), ("path", .string(line.request.path)),
              ("endpoint", .string(line.endpoint.template)), ("requirement", .string(requirement)),
              ("scope", .optional(line.covering?.scopeID)),
              ("level", .optional(line.covering?.level.rawValue)),
              ("alternatives", .array(line.endpoint.alternatives.map(ScopeRendering.json))),
            ])
          })
      ),
    ])
  }
}
