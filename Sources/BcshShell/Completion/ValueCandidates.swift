import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// The small closed sets and session names an argument can take: presets, token names,
/// credential fields, save formats, verify's scope selections and variable names.
enum ValueCandidates {
  static func presets(matching typed: String) -> [Suggestion] {
    Preset.all.map { Suggestion($0.name, detail: $0.summary) }.matching(typed)
  }

  /// The session's tokens, in the order they were made; the detail says which is current.
  static func tokenNames(in session: Session, matching typed: String) -> [Suggestion] {
    session.tokens.map { token in
      let current = token.name == session.currentName ? ", current" : ""
      return Suggestion(token.name, detail: "\(token.kind)-level\(current)")
    }.matching(typed)
  }

  static func credentialFields(matching typed: String) -> [Suggestion] {
    CredentialField.allCases.map { field in
      Suggestion(field.rawValue, detail: field.isSecret ? "\(field.fileLabel), secret" : field.fileLabel)
    }.matching(typed)
  }

  static func saveFormats(matching typed: String) -> [Suggestion] {
    SaveFormat.allCases.map { format in
      let detail =
        switch format {
        case .session: "versioned JSON with every token (the default)"
        case .txt: "the current token in the control panel's download layout"
        case .env: "dotenv lines, BIGCOMMERCE_*"
        }
      return Suggestion(format.rawValue, detail: detail)
    }.matching(typed)
  }

  static func execTools(matching typed: String) -> [Suggestion] {
    ExecTool.allCases.map { tool in
      let detail =
        switch tool {
        case .bigcommerce: "the BIGCOMMERCE_* keys of save --format env (the default)"
        case .catalyst: "Catalyst's keys, with --storefront's token"
        case .stencil: "reads only files: use export --for stencil"
        }
      return Suggestion(tool.rawValue, detail: detail)
    }.matching(typed)
  }

  static func scopeSelections(matching typed: String) -> [Suggestion] {
    ScopeSelection.allCases.map { selection in
      let detail =
        switch selection {
        case .declared: "the token's declared scopes (the default)"
        case .all: "every scope of the catalog"
        case .none: "liveness and the store only"
        }
      return Suggestion(selection.rawValue, detail: detail)
    }.matching(typed)
  }

  /// Variable names as `$NAME` and `--env` look them up: the session's, then the environment's.
  /// Names are case-sensitive, so the match is too.
  static func variableNames(in context: CompletionContext, matching prefix: String) -> [Suggestion] {
    // An environment may hold names that `$NAME` cannot spell; those are left out.
    let usable = { (name: String) in name.hasPrefix(prefix) && VariableName.isValid(name) }
    let session = context.variables.keys.filter(usable).sorted()
    let environment = context.environment.keys.filter { usable($0) && context.variables[$0] == nil }.sorted()
    return session.map { Suggestion($0, detail: "session variable") }
      + environment.map { Suggestion($0, detail: "environment variable") }
  }
}
