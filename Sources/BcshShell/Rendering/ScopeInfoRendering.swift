import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// How `scope info` reads: what a scope unlocks, for people and for `--json`.
enum ScopeInfoRendering {
  /// `width`: the terminal's, which the facts' column wraps within.
  static func text(_ topic: ScopeTopic, style: TextStyle, width: Int? = nil) -> String {
    switch topic {
    case .implicitDefault: return defaultText(style: style, width: width)
    case .scope(let scope, let level): return scopeText(scope, level: level, style: style, width: width)
    }
  }

  private static func scopeText(_ scope: Scope, level: AccessLevel?, style: TextStyle, width: Int?) -> String
  {
    let facts = ScopeReach(scopeID: scope.id, level: level)
    var text = style.header(scope.uiName) + " (\(scope.id)), \(scope.kind)-level"
    text += level.map { ", at \($0)\n" } ?? "\n"
    // The levels are a small table of their own, so that their columns do not widen the rest.
    let levels = Table(
      headers: [],
      rows: scope.levels.map { grant in
        let opens = ScopeReach(scopeID: scope.id, level: grant.level).endpoints.count
        return [
          grant.level.rawValue, grant.tokenString ?? "(token string not published)",
          scope.kind == .store ? "opens \(Counted.text(opens, "operation"))" : "",
        ]
      }
    ).rendered().split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast()
      .map { String($0).replacingTrailingBlanks() }
    var rows = levels.enumerated().map { [$0.offset == 0 ? "levels" : "", $0.element] }
    rows += operationRows(facts, scope: scope)
    let presets = Preset.all.compactMap { preset in
      preset.grants.first { $0.scopeID == scope.id }.map { "\(preset.name) (\($0.level))" }
    }
    rows.append(["presets", presets.isEmpty ? "none" : presets.joined(separator: ", ")])
    let probe = scope.probe.map { "\($0.method.rawValue) \($0.path)" + ($0.note.map { " (\($0))" } ?? "") }
    rows.append([
      "verify probe",
      probe
        ?? (scope.kind == .account
          ? "none: verify spends one account request, on liveness" : "none: no read to probe"),
    ])
    return text + table(rows, width: width)
  }

  private static func operationRows(_ facts: ScopeReach, scope: Scope) -> [[String]] {
    guard scope.kind == .store else {
      return [
        ["operations", "none in the REST reference: account-level tokens call the GraphQL Account API"]
      ]
    }
    guard !facts.endpoints.isEmpty else {
      return [["operations", "none: the REST reference names this scope for no operation"]]
    }
    var rows = [["operations", summary(facts)]]
    if facts.shared > 0 {
      rows.append([
        "", "\(facts.shared) of them in files that name other scopes too, without saying which each needs",
      ])
    }
    rows.append([
      "API families", facts.families.map { "\($0.0) (\($0.1))" }.joined(separator: ", "),
    ])
    for (index, endpoint) in facts.examples.enumerated() {
      let level = endpoint.alternatives.first { $0.scopeID == scope.id }?.level
      rows.append([index == 0 ? "examples" : "", endpoint.description + (level.map { "  (\($0))" } ?? "")])
    }
    // Where the reference's files say something other than their tables (an operation's own
    // words, a placeholder, a file that disagrees with api-accounts.mdx), that stays visible.
    for (index, note) in facts.notes.prefix(3).enumerated() {
      let more = note.count > 1 ? " and \(note.count - 1) more" : ""
      rows.append([index == 0 ? "reference" : "", "\(note.first.description)\(more): \(note.text)"])
    }
    return rows
  }

  private static func defaultText(style: TextStyle, width: Int?) -> String {
    let facts = ScopeReach(scopeID: nil, level: nil)
    var text = style.header("default") + " (webhooks): the implicit scope every API account holds\n"
    var rows = [
      ["levels", "none to pick: it has no box in the control panel and cannot be removed"],
      ["operations", summary(facts)],
    ]
    for (index, endpoint) in facts.examples.enumerated() {
      rows.append([index == 0 ? "examples" : "", endpoint.description])
    }
    rows.append(["presets", "every token holds it"])
    rows.append([
      "verify probe",
      "GET /v3/hooks needs no other scope: a 403 there means token and store do not belong together",
    ])
    text += table(rows, width: width)
    let note = "webhooks belong to the API account that created them: deleting the account removes them"
    return text + (width.map { TextWrapping.lines(note, width: $0).joined(separator: "\n") } ?? note) + "\n"
  }

  /// `170 in the REST reference: GET 70, POST 34, PUT 36, DELETE 30`.
  private static func summary(_ facts: ScopeReach) -> String {
    "\(facts.endpoints.count) in the REST reference: "
      + facts.byMethod.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
  }

  private static func table(_ rows: [[String]], width: Int?) -> String {
    Table(headers: [], rows: rows.map { ["  " + $0[0]] + $0.dropFirst() }).rendered(width: width)
      .split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
      .map { String($0).replacingTrailingBlanks() }.joined(separator: "\n")
  }

  static func json(_ topic: ScopeTopic) -> JSONValue {
    let facts: ScopeReach
    var fields: [(String, JSONValue)]
    switch topic {
    case .implicitDefault:
      facts = ScopeReach(scopeID: nil, level: nil)
      fields = [("scope", .string("default")), ("name", .string("default")), ("kind", .string("store"))]
      fields.append(("levels", .array([])))
      fields.append(("presets", .array([])))
      fields.append(("probe", .string("GET /v3/hooks")))
    case .scope(let scope, let level):
      facts = ScopeReach(scopeID: scope.id, level: level)
      fields = [
        ("scope", .string(scope.id)), ("name", .string(scope.uiName)), ("kind", .string(scope.kind.rawValue)),
        ("level", .optional(level?.rawValue)),
      ]
      fields.append(
        (
          "levels",
          .array(
            scope.levels.map { grant in
              .object([
                ("level", .string(grant.level.rawValue)), ("token", .optional(grant.tokenString)),
                ("operations", .number(ScopeReach(scopeID: scope.id, level: grant.level).endpoints.count)),
              ])
            })
        ))
      fields.append(
        (
          "presets",
          .array(
            Preset.all.compactMap { preset in
              preset.grants.first { $0.scopeID == scope.id }.map {
                .object([("preset", .string(preset.name)), ("level", .string($0.level.rawValue))])
              }
            })
        ))
      fields.append(("probe", .optional(scope.probe.map { "\($0.method.rawValue) \($0.path)" })))
    }
    fields.append(("operations", .number(facts.endpoints.count)))
    fields.append(("shared_operations", .number(facts.shared)))
    fields.append(("by_method", .object(facts.byMethod.map { ($0.0.rawValue, JSONValue.number($0.1)) })))
    fields.append(
      (
        "families",
        .array(facts.families.map { .object([("family", .string($0.0)), ("operations", .number($0.1))]) })
      ))
    fields.append(("examples", .array(facts.examples.map { .string($0.description) })))
    return .object(fields)
  }
}
