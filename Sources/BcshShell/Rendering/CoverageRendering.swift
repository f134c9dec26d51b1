import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// How `verify --for` reads after the probes: the verdict, what is missing, and the account to make.
enum CoverageRendering {
  /// The coverage step, or why it was not checked; nothing without `--for`.
  static func text(
    _ coverage: Coverage?, for target: Coverage.Target?, after report: VerifyReport, token: Token,
    style: TextStyle, width: Int? = nil
  ) -> String {
    if let coverage {
      return TextWrapping.fitted(text(coverage, token: token, style: style, width: width), width: width)
    }
    guard let target else { return "" }
    let why = report.dryRun ? "dry run: nothing was sent" : "verify stopped before the probes"
    return "  coverage  " + style.dim("skipped") + "  \(target.name): \(why)\n"
  }

  static func text(_ coverage: Coverage, token: Token, style: TextStyle, width: Int? = nil) -> String {
    let missing = coverage.missingCount
    let verdict =
      coverage.isComplete
      ? style.good("ok") + "       '\(token.name)' can run \(coverage.target.name)"
      : style.bad("missing") + "  '\(token.name)' lacks \(missing) of what \(coverage.target.name) needs"
    var text = "  coverage  \(verdict)\n"
    var table = Table(headers: ["    SCOPE", "NEEDS", "RESULT"])
    for item in coverage.items {
      table.rows.append([
        "    " + (item.grant.scope?.uiName ?? item.grant.scopeID), item.grant.level.rawValue,
        item.isCovered ? style.good(item.detail) : style.bad(item.detail),
      ])
    }
    for choice in coverage.openChoices {
      table.rows.append([
        "    one of " + choice.map { $0.scope?.uiName ?? $0.scopeID }.joined(separator: ", "),
        choice[0].level.rawValue,
        style.bad("none declared"),
      ])
    }
    if !table.rows.isEmpty { text += table.rendered(style: style, width: width) }
    return text
  }

  /// The result line when the token cannot run the target: the verdict first, then the account
  /// to make instead (an existing token never gains scopes).
  static func footer(_ coverage: Coverage, token: Token, style: TextStyle) -> String {
    var text = style.bad("result: problem") + " — \(summary(coverage, token: token))\n"
    let list = ScopeNeedRendering.grantList(coverage.needed)
    text += "a new API account for \(coverage.target.name) needs: \(list.isEmpty ? "-" : list)"
    text += coverage.openChoices.map { " and one of " + ScopeNeedRendering.grantList($0) }.joined() + "\n"
    let declare =
      if case .preset(let preset) = coverage.target { "scope preset \(preset.name)" } else {
        "scope add \(list)"
      }
    text += "what to do: an existing token never gains scopes; prepare a new API account: "
    text += "token new NAME; \(declare); token checklist\n"
    return text
  }

  /// One line, recorded as the verify's verdict: "'x' cannot run preset catalyst: it lacks 3 of 8".
  static func summary(_ coverage: Coverage, token: Token) -> String {
    let missing = coverage.missingCount
    let needed = coverage.items.count + coverage.openChoices.count
    return "'\(token.name)' cannot run \(coverage.target.name): it lacks \(missing) of the \(needed) "
      + "scope\(needed == 1 ? "" : "s") it needs"
  }

  static func json(_ coverage: Coverage) -> JSONValue {
    .object([
      ("target", .string(coverage.target.name)),
      ("complete", .bool(coverage.isComplete)),
      (
        "scopes",
        .array(
          coverage.items.map { item in
            .object([
              ("scope", .string(item.grant.scopeID)), ("level", .string(item.grant.level.rawValue)),
              ("covered", .bool(item.isCovered)), ("detail", .string(item.detail)),
            ])
          })
      ),
      ("open_choices", .array(coverage.openChoices.map { .array($0.map(ScopeRendering.json)) })),
      ("new_account_scopes", .array(coverage.needed.map(ScopeRendering.json))),
    ])
  }

  /// The verify report's JSON with the coverage added.
  static func json(_ report: JSONValue, adding coverage: Coverage?) -> JSONValue {
    guard case .object(var fields) = report else { return report }
    fields.append(("coverage", coverage.map(json) ?? .null))
    return .object(fields)
  }
}
