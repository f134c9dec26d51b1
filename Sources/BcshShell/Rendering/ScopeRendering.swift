import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// How scopes look in `scope list`, `scope list --all` and `scope preset`.
enum ScopeRendering {
  static func declared(_ token: Token, style: TextStyle, width: Int? = nil) -> String {
    guard !token.grants.isEmpty else {
      return "'\(token.name)' declares no scopes; 'scope add SCOPE' or 'scope preset NAME' adds some\n"
    }
    let rows = token.grants.compactMap { grant in
      grant.scope.map {
        [$0.id, $0.uiName, grant.level.rawValue, $0.tokenString(for: grant.level) ?? "(unpublished)"]
      }
    }
    return Table(headers: ["SCOPE", "CONTROL PANEL NAME", "LEVEL", "TOKEN STRING"], rows: rows).rendered(
      style: style, width: width)
  }

  /// `products=modify, account-users=read-only`: grants as `scope add` takes them.
  static func grantList(_ grants: [ScopeGrant]) -> String {
    grants.map { "\($0.scopeID)=\($0.level)" }.joined(separator: ", ")
  }

  /// A scope's levels for the LEVELS column: a drop-down's choices, or the boxes of a checkbox
  /// scope.
  static func levels(of scope: Scope) -> String {
    scope.choice == .checkboxes && scope.levels.count > 1 ? "boxes: \(scope.levelList)" : scope.levelList
  }

  static func catalog(style: TextStyle, width: Int? = nil) -> String {
    var sections: [String] = []
    for kind in TokenKind.allCases {
      var table = Table(headers: ["SCOPE", "CONTROL PANEL NAME", "LEVELS", "TOKEN STRINGS", "READ PROBE"])
      for scope in ScopeCatalog.scopes(for: kind) {
        table.rows.append([
          scope.id, scope.uiName, levels(of: scope),
          scope.levels.map { $0.tokenString ?? "(unpublished)" }.joined(separator: ", "),
          scope.probe?.path ?? "-",
        ])
      }
      sections.append(
        "\(kind == .store ? "Store" : "Account")-level scopes:\n" + table.rendered(style: style, width: width)
      )
    }
    return sections.joined(separator: "\n")
  }

  static func catalogJSON() -> JSONValue {
    .array(
      ScopeCatalog.all.map { scope in
        .object([
          ("scope", .string(scope.id)),
          ("name", .string(scope.uiName)),
          ("kind", .string(scope.kind.rawValue)),
          ("choice", .string(scope.choice == .checkboxes ? "checkboxes" : "drop-down")),
          (
            "levels",
            .array(
              scope.levels.map {
                .object([("level", .string($0.level.rawValue)), ("token", .optional($0.tokenString))])
              })
          ),
          ("probe", .optional(scope.probe?.path)),
          ("probe_note", .optional(scope.probe?.note)),
        ])
      })
  }

  static func json(_ grant: ScopeGrant) -> JSONValue {
    .object([
      ("scope", .string(grant.scopeID)),
      ("name", .optional(grant.scope?.uiName)),
      ("level", .string(grant.level.rawValue)),
      ("token", .optional(grant.scope?.tokenString(for: grant.level))),
    ])
  }

  /// Each preset's lines wrapped at 96 columns, or at the terminal's `width` when narrower.
  static func presets(style: TextStyle, width: Int? = nil) -> String {
    let width = min(96, (width ?? 98) - 2)
    return Preset.all.map { preset in
      let scopes = preset.grants.map { "\($0.scopeID)=\($0.level)" }.joined(separator: " ")
      var text =
        style.header(preset.name) + ": \(preset.summary)\n  " + wrapped(scopes, width: width, indent: "  ")
      if let type = preset.tokenType {
        text += "\n  " + wrapped("token type: \(type.name), \(type.level)", width: width, indent: "  ")
      }
      return text + "\n  " + style.dim(wrapped("source: \(preset.source)", width: width, indent: "  "))
    }.joined(separator: "\n") + "\n"
  }

  static func presetsJSON() -> JSONValue {
    .array(
      Preset.all.map { preset in
        .object([
          ("name", .string(preset.name)), ("summary", .string(preset.summary)),
          ("scopes", .array(preset.grants.map(json))),
          ("token_type", .optional(preset.tokenType.map { "\($0.name), \($0.level)" })),
          ("source", .string(preset.source)),
        ])
      })
  }

  /// Words wrapped at `width`, continuation lines indented.
  static func wrapped(_ text: String, width: Int, indent: String) -> String {
    TextWrapping.lines(text, width: width).joined(separator: "\n" + indent)
  }
}
