import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `scope info` and `scope need`: what a scope unlocks and which scopes a job needs, from
/// BigCommerce's API reference (`EndpointCatalog`).
enum ScopeInsightCommands {
  static let all: [CommandSpec] = [
    CommandSpec(
      ["scope", "info"], "what a scope unlocks: levels, token strings, operations, presets, verify's probe",
      arguments: [ArgumentSpec("SCOPE", .scopeTopic)],
      example: "scope info products"
    ) { context, invocation throws(BcshError) in
      let argument = invocation.argument("SCOPE")!
      let topic: ScopeTopic
      do throws(BcshError) { topic = try ScopeTopic.resolve(argument.value) } catch {
        throw error.placed(at: argument.position)
      }
      context.report(
        ScopeInfoRendering.text(topic, style: context.format.style, width: context.format.width),
        json: ScopeInfoRendering.json(topic))
    },
    CommandSpec(
      ["scope", "need"], "the least scopes that let these requests succeed (--add declares them)",
      arguments: [ArgumentSpec("METHOD PATH", .request, .zeroOrMore)],
      options: [
        OptionSpec(
          "--file", value: ("FILE", .file(.any)),
          "requests from a file: METHOD PATH or METHOD URL lines, access-log lines, or a HAR file"),
        OptionSpec("--add", "declare the result on the current token"),
      ],
      example: "scope need GET /v3/catalog/products/77/images POST /v2/orders GET /v3/hooks"
    ) { context, invocation throws(BcshError) in
      let words = invocation.arguments("METHOD PATH")
      var requests: [APIRequest]
      var skipped = 0
      if let file = invocation.option("--file") {
        guard words.isEmpty else {
          throw BcshError(
            "give requests as words or with --file, not both", hint: "usage: \(invocation.spec.synopsis)",
            at: words[0].position)
        }
        (requests, skipped) = try readRequests(file, context: context)
      } else {
        guard !words.isEmpty else {
          throw BcshError(
            "missing METHOD PATH for 'scope need'",
            hint: "give requests (scope need GET /v3/catalog/products) or --file FILE",
            at: invocation.position)
        }
        requests = try RequestReader.requests(fromWords: words.map { ($0.value, $0.position) })
      }
      let token: Token?
      if invocation.flag("--add") {
        token = try context.currentToken()
      } else {
        token = context.state.session.current
      }
      let declared = token?.kind == .store ? token?.grants ?? [] : []
      let need = try ScopeNeed.resolve(requests, declared: declared)
      if skipped > 0 {
        context.warn(
          "skipped \(Counted.text(skipped, "HAR entry", "HAR entries")), not store API requests "
            + "(/stores/HASH/v2|v3/...)")
      }
      if invocation.flag("--add"), let token {
        try declare(need, on: token, context: &context, at: invocation.position)
      }
      context.report(
        ScopeNeedRendering.text(
          need, declared: declared, added: invocation.flag("--add"), style: context.format.style,
          width: context.format.width),
        json: ScopeNeedRendering.json(need))
    },
  ]

  /// The requests of `--file FILE`, relative to the current folder.
  static func readRequests(_ file: Argument, context: CommandContext) throws(BcshError) -> (
    [APIRequest], Int
  ) {
    let text: String
    do throws(BcshError) {
      text = try AtomicFile.read(context.resolvePath(file.value), shownAs: file.value)
    } catch {
      throw error.placed(at: file.position)
    }
    let read = try RequestReader.requests(fromFile: text, source: file.value)
    guard !read.requests.isEmpty else {
      throw BcshError(
        "\(ShownWord.quoted(file.value)) holds no requests", hint: "write one METHOD PATH a line",
        at: file.position)
    }
    return read
  }

  /// Declares the least set on `token`, never lowering a level it already declares; an open choice
  /// is an error, so that nothing changes.
  private static func declare(
    _ need: ScopeNeed, on token: Token, context: inout CommandContext, at position: SourcePosition
  ) throws(BcshError) {
    guard token.kind == .store else {
      throw BcshError(
        "the REST reference's scopes are store-level; '\(token.name)' is an account-level token",
        hint: "'token new NAME' makes a store-level token", at: position)
    }
    if let choice = need.openChoices.first {
      throw BcshError(
        "the reference names \(choice.map(\.scopeID).joined(separator: ", ")) for the same requests "
          + "without saying which one they need",
        hint: "declare the one you mean with 'scope add' ("
          + choice.map { "\($0.scopeID)=\($0.level)" }.joined(separator: ", ") + "), then run this again",
        at: position)
    }
    try context.updateCurrent { token in
      for grant in need.grants
      where !(token.level(of: grant.scopeID).map { ScopeNeed.covers($0, grant) } ?? false) {
        token.grant(grant)
      }
    }
  }
}

/// What `scope info` describes: a scope of the catalog (at a level, if one was named) or the
/// implicit `default` scope.
enum ScopeTopic {
  case scope(Scope, level: AccessLevel?)
  case implicitDefault

  /// Any spelling `scope add` takes, for a scope of either kind, or `default`/`webhooks`.
  static func resolve(_ name: String) throws(BcshError) -> ScopeTopic {
    if ["default", "webhooks"].contains(ScopeCatalog.key(name)) { return .implicitDefault }
    let named = { (kind: TokenKind) throws(BcshError) -> ScopeTopic in
      if name.contains("=") {
        let (scope, level) = try ScopeCatalog.resolveGrant(name, for: kind)
        return .scope(scope, level: level)
      }
      let (scope, implied) = try ScopeCatalog.resolve(name, for: kind)
      return .scope(scope, level: implied)
    }
    do throws(BcshError) {
      return try named(.store)
    } catch let storeError {
      if let topic = try? named(.account) { return topic }
      var error = storeError
      if error.message.hasPrefix("unknown scope"), error.hint?.hasPrefix("did you mean") != true {
        error.hint = (error.hint.map { $0 + ", " } ?? "") + "or default (webhooks)"
      }
      throw error
    }
  }
}
