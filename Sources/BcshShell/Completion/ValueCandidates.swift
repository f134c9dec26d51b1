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
  static func tokenNames(
    in session: Session, matching typed: String, where include: (Token) -> Bool = { _ in true }
  ) -> [Suggestion] {
    session.tokens.filter(include).map { token in
      let current = token.name == session.currentName ? ", current" : ""
      return Suggestion(token.name, detail: "\(token.kindLabel)\(current)")
    }.matching(typed)
  }

  static func storefrontKinds(matching typed: String) -> [Suggestion] {
    StorefrontTokenKind.allCases.map { kind in
      let detail =
        switch kind {
        case .storefront: "for browsers, with CORS origins"
        case .private: "for servers, with GraphQL scopes"
        case .impersonation: "for servers acting as a customer"
        }
      return Suggestion(kind.rawValue, detail: detail)
    }.matching(typed)
  }

  static func storefrontScopes(matching typed: String) -> [Suggestion] {
    StorefrontScope.allCases.map { scope in
      let detail =
        switch scope {
        case .unauthenticated: "store, catalog, cart and checkout without a customer"
        case .customer: "a signed-in customer's data"
        case .b2b: "B2B Edition's company data"
        }
      return Suggestion(scope.rawValue, detail: detail)
    }.matching(typed)
  }

  /// The channels of the `--from` token's store (`GET /v3/channels`), given the command's earlier
  /// words.
  static func channels(in context: CompletionContext, after earlier: [String?], matching typed: String)
    -> [Suggestion]
  {
    guard let from = earlier.firstIndex(of: "--from"), from + 1 < earlier.count,
      let name = earlier[from + 1], let token = context.session.token(named: name)
    else { return [] }
    return context.channelsOf(token).map { channel in
      Suggestion(
        String(channel.id), detail: [channel.name, channel.type].compactMap { $0 }.joined(separator: " · "))
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
