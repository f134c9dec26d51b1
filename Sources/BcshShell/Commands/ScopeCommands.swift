import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `scope ...`: what the current token may do, and from BigCommerce's API reference
/// (`EndpointCatalog`), what a scope unlocks (`scope info`) and which scopes a job needs
/// (`scope need`).
enum ScopeCommands {
  static let all: [any ShellCommand.Type] = [
    ScopeAddCommand.self, ScopeRmCommand.self, ScopeClearCommand.self, ScopeListCommand.self,
    ScopePresetCommand.self, ScopeInfoCommand.self,
    ScopeNeedCommand.self,
  ]
}

/// `scope add SCOPE[=LEVEL] ...`.
struct ScopeAddCommand: SynchronousCommand {
  static let grants = RepeatedArgument<String>("SCOPE[=LEVEL]", .scopeGrant, atLeastOne: true)
  static let spec = CommandSpec(
    ["scope", "add"],
    "declare scopes, each at a level (default: its highest; every box of an account-level resource)",
    arguments: [grants.spec],
    example: "scope add products=read-only \"Information & Settings\" store_v2_orders")

  let grants: [Given<String>]

  init(from invocation: Invocation) throws(BcshError) { grants = try invocation.read(Self.grants) }

  func run(in context: inout CommandContext) throws(BcshError) {
    let token = try context.currentToken()
    var grants: [ScopeGrant] = []
    for argument in self.grants {
      try BcshError.placing(at: argument.position) { () throws(BcshError) in
        let (scope, levels) = try ScopeCatalog.resolveGrants(argument.value, for: token.kind)
        grants += levels.map { ScopeGrant(scopeID: scope.id, level: $0) }
      }
    }
    try context.updateCurrent { token in
      for grant in grants { token.grant(grant) }
    }
    // A drop-down scope holds one level: a new one replaces what was declared, and says so.
    var list = ""
    for grant in grants {
      if !list.isEmpty { list += ", " }
      list += "\(grant.scopeID)=\(grant.level)"
      let before = grant.scope?.choice == .checkboxes ? nil : token.level(of: grant.scopeID)
      if let before, before != grant.level { list += " (was \(before))" }
    }
    context.confirm("'\(token.name)' declares \(list)")
  }
}

/// `scope rm SCOPE[=LEVEL] ...`.
struct ScopeRmCommand: SynchronousCommand {
  static let scopes = RepeatedArgument<String>("SCOPE[=LEVEL]", .declaredScope, atLeastOne: true)
  static let spec = CommandSpec(
    ["scope", "rm"], "remove declared scopes (SCOPE=LEVEL: one box of an account-level resource)",
    arguments: [scopes.spec], example: "scope rm marketing")

  let scopes: [Given<String>]

  init(from invocation: Invocation) throws(BcshError) { scopes = try invocation.read(Self.scopes) }

  func run(in context: inout CommandContext) throws(BcshError) {
    let token = try context.currentToken()
    var removals: [(id: String, level: AccessLevel?)] = []
    for argument in scopes {
      try BcshError.placing(at: argument.position) { () throws(BcshError) in
        // `SCOPE=LEVEL` or a token string names one box; a bare name, the whole scope.
        let (scope, named) = try ScopeCatalog.resolveLevel(argument.value, for: token.kind)
        let hasLevel = named != nil
        let level = named ?? scope.highestLevel
        let declared = token.levels(of: scope.id)
        guard hasLevel ? declared.contains(level) : !declared.isEmpty else {
          let what = hasLevel ? "\(scope.id)=\(level)" : scope.id
          throw BcshError(
            "'\(token.name)' does not declare '\(what)'", code: .unknownName,
            hint: token.grants.isEmpty
              ? "it declares no scopes"
              : "it declares: \(ScopeRendering.grantList(token.grants))")
        }
        removals.append((scope.id, hasLevel ? level : nil))
      }
    }
    try context.updateCurrent { token in
      for removal in removals { token.revoke(scopeID: removal.id, level: removal.level) }
    }
    let list = removals.map { removal in removal.level.map { "\(removal.id)=\($0)" } ?? removal.id }
    context.confirm("removed \(list.joined(separator: ", ")) from '\(token.name)'")
  }
}

/// `scope clear`.
struct ScopeClearCommand: SynchronousCommand {
  static let spec = CommandSpec(["scope", "clear"], "remove every declared scope", example: "scope clear")

  init(from invocation: Invocation) {}

  func run(in context: inout CommandContext) throws(BcshError) {
    let token = try context.currentToken()
    try context.updateCurrent { token in
      token.revokeAll()
    }
    context.confirm(
      token.grants.isEmpty
        ? "'\(token.name)' declared no scopes"
        : "removed \(Counted.text(token.grants.count, "scope")) from '\(token.name)'")
  }
}

/// `scope list [--all]`.
struct ScopeListCommand: SynchronousCommand {
  static let all = Flag("--all", "every scope bcsh knows, with levels, token strings and probes")
  static let spec = CommandSpec(
    ["scope", "list"], "this token's scopes in control-panel order (--all: the whole catalog)",
    options: [all.spec], example: "scope list --all")

  let all: Bool

  init(from invocation: Invocation) throws(BcshError) { all = try invocation.read(Self.all) }

  func run(in context: inout CommandContext) throws(BcshError) {
    if all {
      context.report(
        ScopeRendering.catalog(style: context.format.style, width: context.format.width),
        json: ScopeRendering.catalogJSON())
      return
    }
    let token = try context.currentToken()
    context.report(
      ScopeRendering.declared(token, style: context.format.style, width: context.format.width),
      json: .array(token.grants.map(ScopeRendering.json)))
  }
}

/// `scope preset [NAME]`.
struct ScopePresetCommand: SynchronousCommand {
  static let preset = OptionalArgument<Preset>("NAME")
  static let spec = CommandSpec(
    ["scope", "preset"], "apply a named set of scopes; with no NAME, list the presets",
    arguments: [preset.spec], example: "scope preset migration-to")

  let preset: Given<Preset>?

  init(from invocation: Invocation) throws(BcshError) { preset = try invocation.read(Self.preset) }

  func run(in context: inout CommandContext) throws(BcshError) {
    guard let given = self.preset else {
      context.report(
        ScopeRendering.presets(style: context.format.style, width: context.format.width),
        json: ScopeRendering.presetsJSON())
      return
    }
    let preset = given.value
    let token = try context.currentToken()
    guard token.kind == .store else {
      throw BcshError(
        "presets hold store-level scopes; '\(token.name)' is an account-level token", code: .invalidValue,
        hint: "'scope add' declares account scopes one by one", at: given.position)
    }
    try context.updateCurrent { token in
      for grant in preset.grants { token.grant(grant) }
    }
    context.confirm(
      "'\(token.name)' declares the \(preset.name) preset (\(Counted.text(preset.grants.count, "scope")))")
  }
}

/// `scope info SCOPE`.
struct ScopeInfoCommand: SynchronousCommand {
  static let topic = RequiredArgument<ScopeTopic>("SCOPE")
  static let spec = CommandSpec(
    ["scope", "info"], "what a scope unlocks: levels, token strings, operations, presets, verify's probe",
    arguments: [topic.spec], example: "scope info products")

  let topic: ScopeTopic

  init(from invocation: Invocation) throws(BcshError) { topic = try invocation.read(Self.topic).value }

  func run(in context: inout CommandContext) throws(BcshError) {
    context.report(
      ScopeInfoRendering.text(topic, style: context.format.style, width: context.format.width),
      json: ScopeInfoRendering.json(topic))
  }
}

/// `scope need [METHOD PATH ...] [--file FILE] [--add]`.
struct ScopeNeedCommand: SynchronousCommand {
  static let requests = RepeatedArgument<String>("METHOD PATH", .request, atLeastOne: false)
  static let file = ValueOption<String>(
    "--file", value: "FILE", .file(.any),
    "requests from a file: METHOD PATH or METHOD URL lines, access-log lines, or a HAR file")
  static let add = Flag("--add", "declare the result on the current token")
  static let spec = CommandSpec(
    ["scope", "need"], "the least scopes that let these requests succeed (--add declares them)",
    arguments: [requests.spec], options: [file.spec, add.spec],
    example: "scope need GET /v3/catalog/products/77/images POST /v2/orders GET /v3/hooks")

  /// Where the requests come from: the command's words, read already, or a file.
  enum Source {
    case words([APIRequest])
    case file(Given<String>)
  }

  let source: Source
  let add: Bool
  let position: SourcePosition

  init(from invocation: Invocation) throws(BcshError) {
    let words = try invocation.read(Self.requests)
    if let file = try invocation.read(Self.file) {
      guard words.isEmpty else {
        throw BcshError(
          "give requests as words or with --file, not both", code: .usage,
          hint: "usage: \(Self.spec.synopsis)",
          at: words[0].position)
      }
      source = .file(file)
    } else {
      guard !words.isEmpty else {
        throw BcshError(
          "missing METHOD PATH for 'scope need'", code: .usage,
          hint: "give requests (scope need GET /v3/catalog/products) or --file FILE",
          at: invocation.position)
      }
      source = .words(try RequestReader.requests(fromWords: words.map { ($0.value, $0.position) }))
    }
    add = try invocation.read(Self.add)
    position = invocation.position
  }

  func run(in context: inout CommandContext) throws(BcshError) {
    var requests: [APIRequest]
    var skipped = 0
    switch source {
    case .words(let read): requests = read
    case .file(let file): (requests, skipped) = try Self.readRequests(file, context: context)
    }
    let token: Token?
    if add {
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
    if add, let token {
      try Self.declare(need, on: token, context: &context, at: position)
    }
    context.report(
      ScopeNeedRendering.text(
        need, declared: declared, added: add, style: context.format.style, width: context.format.width),
      json: ScopeNeedRendering.json(need))
  }

  /// The requests of `--file FILE`, relative to the current folder.
  static func readRequests(_ file: Given<String>, context: CommandContext) throws(BcshError) -> (
    [APIRequest], Int
  ) {
    let text: String
    text = try BcshError.placing(at: file.position) { () throws(BcshError) in
      try context.files.read(context.resolvePath(file.value), shownAs: file.value)
    }
    let read = try RequestReader.requests(fromFile: text, source: file.value)
    guard !read.requests.isEmpty else {
      throw BcshError(
        "\(ShownWord.quoted(file.value)) holds no requests", code: .invalidFile,
        hint: "write one METHOD PATH a line",
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
        code: .invalidValue,
        hint: "'token new NAME' makes a store-level token", at: position)
    }
    if let choice = need.openChoices.first {
      throw BcshError(
        "the reference names \(choice.map(\.scopeID).joined(separator: ", ")) for the same requests "
          + "without saying which one they need",
        code: .usage,
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
