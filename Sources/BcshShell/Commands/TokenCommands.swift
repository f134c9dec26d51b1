import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `token ...`: the credentials being prepared, and bringing them in (`token set`, `token import`).
enum TokenCommands {
  static let all: [any ShellCommand.Type] = [
    TokenNewCommand.self, TokenListCommand.self, TokenUseCommand.self, TokenShowCommand.self,
    TokenRenameCommand.self, TokenRmCommand.self,
    TokenSetCommand.self, TokenImportCommand.self, TokenChecklistCommand.self,
    TokenMintCommand.self, TokenRevokeCommand.self,
  ]
}

/// `token new NAME [--account]`.
struct TokenNewCommand: SynchronousCommand {
  static let name = RequiredArgument<String>("NAME", .newTokenName)
  static let account = Flag("--account", "an account-level token (GraphQL Account API)")
  static let spec = CommandSpec(
    ["token", "new"], "create a token (store-level unless --account) and make it current",
    arguments: [name.spec], options: [account.spec], example: "token new migration-2026")

  let name: Given<String>
  let account: Bool

  init(from invocation: Invocation) throws(BcshError) {
    name = try invocation.read(Self.name)
    account = try invocation.read(Self.account)
  }

  func run(in context: inout CommandContext) throws(BcshError) {
    try BcshError.placing(at: name.position) { () throws(BcshError) in try Session.checkName(name.value) }
    let kind: TokenKind = account ? .account : .store
    try context.state.session.add(Token(name: name.value, kind: kind))
    // `rawValue`: interpolating the enum itself goes through reflection (2% of a replay).
    context.confirm("created \(kind.rawValue)-level token '\(name.value)'")
  }
}

/// `token list`.
struct TokenListCommand: SynchronousCommand {
  static let spec = CommandSpec(["token", "list"], "list the tokens of this session", example: "token list")

  init(from invocation: Invocation) {}

  func run(in context: inout CommandContext) throws(BcshError) {
    let session = context.state.session
    let now = context.now
    context.report(
      TokenRendering.list(session, style: context.format.style, width: context.format.width, now: now),
      json: .array(
        session.tokens.map { TokenRendering.json($0, current: $0.name == session.currentName, now: now) }))
  }
}

/// `token use NAME`.
struct TokenUseCommand: SynchronousCommand {
  static let name = RequiredArgument<String>("NAME", .tokenName)
  static let spec = CommandSpec(
    ["token", "use"], "make a token current", arguments: [name.spec], example: "token use audit-ro")

  let name: Given<String>

  init(from invocation: Invocation) throws(BcshError) { name = try invocation.read(Self.name) }

  func run(in context: inout CommandContext) throws(BcshError) {
    try BcshError.placing(at: name.position) { () throws(BcshError) in
      try context.state.session.use(name.value)
    }
    context.confirm("using token '\(name.value)'")
  }
}

/// `token show [NAME] [--reveal]`.
struct TokenShowCommand: SynchronousCommand {
  static let name = OptionalArgument<String>("NAME", .tokenName)
  static let reveal = Flag("--reveal", "show the access token and client secret in full")
  static let spec = CommandSpec(
    ["token", "show"], "show a token (the current one by default), secrets masked",
    arguments: [name.spec], options: [reveal.spec], example: "token show --reveal")

  let name: Given<String>?
  let reveal: Bool

  init(from invocation: Invocation) throws(BcshError) {
    name = try invocation.read(Self.name)
    reveal = try invocation.read(Self.reveal)
  }

  func run(in context: inout CommandContext) throws(BcshError) {
    let token = try context.token(named: name)
    let current = token.name == context.state.session.currentName
    let state = context.state
    let home = { (field: CredentialField) in state.home(of: field, of: token) }
    let now = context.now
    let graphQL = context.storefrontGraphQL(for: token)
    context.report(
      TokenRendering.details(
        token, reveal: reveal, style: context.format.style, home: home, now: now, graphQL: graphQL),
      json: TokenRendering.json(token, current: current, reveal: reveal, home: home, now: now),
      revealingSecrets: reveal)
  }
}

/// `token rename OLD NEW`.
struct TokenRenameCommand: SynchronousCommand {
  static let old = RequiredArgument<String>("OLD", .tokenName)
  static let new = RequiredArgument<String>("NEW", .newTokenName)
  static let spec = CommandSpec(
    ["token", "rename"], "rename a token", arguments: [old.spec, new.spec],
    example: "token rename migration migration-2026")

  let old: Given<String>
  let new: Given<String>

  init(from invocation: Invocation) throws(BcshError) {
    old = try invocation.read(Self.old)
    new = try invocation.read(Self.new)
  }

  func run(in context: inout CommandContext) throws(BcshError) {
    // A failed rename changes nothing, so the names say which word is wrong.
    let place = context.state.session.token(named: old.value) == nil ? old.position : new.position
    try BcshError.placing(at: place) { () throws(BcshError) in
      try context.state.session.rename(old.value, to: new.value)
    }
    context.confirm("renamed token '\(old.value)' to '\(new.value)'")
  }
}

/// `token rm NAME`.
struct TokenRmCommand: SynchronousCommand {
  static let name = RequiredArgument<String>("NAME", .tokenName)
  static let spec = CommandSpec(
    ["token", "rm"], "remove a token from the session", arguments: [name.spec], example: "token rm old-token")

  let name: Given<String>

  init(from invocation: Invocation) throws(BcshError) { name = try invocation.read(Self.name) }

  func run(in context: inout CommandContext) throws(BcshError) {
    try BcshError.placing(at: name.position) { () throws(BcshError) in
      try context.state.session.remove(name.value)
    }
    context.confirm("removed token '\(name.value)'")
  }
}

/// `token set FIELD [VALUE] [--env VAR] [--file PATH] [--stdin]`.
struct TokenSetCommand: SynchronousCommand {
  static let field = RequiredArgument<CredentialField>("FIELD")
  static let inline = OptionalArgument<String>("VALUE")
  static let env = ValueOption<String>(
    "--env", value: "VAR", .variableName, "read the value from an environment variable")
  static let file = ValueOption<String>("--file", value: "PATH", .file(.any), "read the value from a file")
  static let stdin = Flag("--stdin", "read the value from standard input")
  static let spec = CommandSpec(
    ["token", "set"], "set a credential: typed hidden, or from --env, --file or --stdin",
    arguments: [field.spec, inline.spec], options: [env.spec, file.spec, stdin.spec],
    example: "token set access-token --env BIGCOMMERCE_ACCESS_TOKEN",
    carriesSecret: { positional in
      // `token set FIELD VALUE` with a secret (or unknown) FIELD and a VALUE typed inline.
      guard positional.count >= 2, positional[1] != nil else { return false }
      return positional[0].flatMap(CredentialField.init(rawValue:))?.isSecret ?? true
    },
    effects: .readsSecrets)

  let field: CredentialField
  let inline: Given<String>?
  let env: Given<String>?
  let file: Given<String>?
  let stdin: Bool
  let position: SourcePosition

  init(from invocation: Invocation) throws(BcshError) {
    field = try invocation.read(Self.field).value
    inline = try invocation.read(Self.inline)
    env = try invocation.read(Self.env)
    file = try invocation.read(Self.file)
    stdin = try invocation.read(Self.stdin)
    position = invocation.position
  }

  func run(in context: inout CommandContext) throws(BcshError) {
    try CommandContext.refuseMinted(try context.currentToken())
    let value = try readValue(context: context)
    for warning in CredentialValue.warnings(for: field, value: value) {
      context.warn(warning, at: position)
    }
    try context.updateCurrent { token in
      switch field {
      case .accessToken: token.accessToken = Secret(value)
      case .clientID: token.clientID = value
      case .clientSecret: token.clientSecret = Secret(value)
      }
    }
    context.confirm("set \(field.rawValue) of '\(try context.currentToken().name)'")
  }

  private func readValue(context: CommandContext) throws(BcshError) -> String {
    let sources = [inline != nil, env != nil, file != nil, stdin]
    guard sources.filter({ $0 }).count <= 1 else {
      throw BcshError(
        "give the value one way only: inline, --env, --file or --stdin", code: .usage, at: position)
    }
    var value: String
    if let inline {
      if field.isSecret && inline.word.isLiteral {
        if context.options.interactive {
          context.warn(
            "a secret typed on the command line; this line is kept out of the history", at: inline.position,
            hint: "'token set \(field.rawValue)' with no value asks for it hidden")
        } else {
          context.warn(
            "a secret written into a script or command line", at: inline.position,
            hint: "read it with --env VAR or --file PATH instead, so it stays out of files and process lists")
        }
      }
      value = inline.value
    } else if let variable = env {
      guard let found = context.state.variables[variable.value] ?? context.environmentVariable(variable.value)
      else {
        throw BcshError(
          "environment variable \(ShownWord.quoted(variable.value)) is not set", code: .unknownName,
          at: variable.position)
      }
      value = found
    } else if let file {
      value = try BcshError.placing(at: file.position) { () throws(BcshError) in
        try context.files.read(context.resolvePath(file.value), shownAs: file.value)
      }
    } else if stdin {
      guard let read = context.readStandardInput, let text = try read() else {
        throw BcshError(
          "standard input is not available to read from", code: .fileSystem,
          hint: "pipe the value in, or use --env or --file",
          at: position)
      }
      value = text
    } else {
      guard let reader = context.capabilities.secretReader else {
        throw BcshError(
          "no terminal to ask for the \(field.rawValue) on", code: .terminal,
          hint: "use --stdin, --env VAR or --file PATH", at: position)
      }
      value = try reader.readSecret(prompt: "\(field.rawValue) (input hidden): ")
    }
    // Masked from here on, whatever the command goes on to say (an -x trace, an error).
    if field.isSecret {
      context.maskFromNow(value)
      context.maskFromNow(value.trimmingBlanks())
    }
    value = value.trimmingBlanks()
    guard !value.isEmpty else {
      throw BcshError("the \(field.rawValue) is empty", code: .invalidValue, at: position)
    }
    if let problem = CredentialValue.problem(with: value) {
      throw BcshError(
        "the \(field.rawValue) \(problem)", code: .invalidValue,
        hint: "a credential is one word; check the file or variable",
        at: position)
    }
    return value
  }
}

/// `token import FILE [--into NAME] [--name NAME]`.
struct TokenImportCommand: SynchronousCommand {
  static let file = RequiredArgument<String>("FILE", .file(.credentials))
  static let into = ValueOption<String>(
    "--into", value: "NAME", .tokenName, "fill this prepared token's credentials")
  static let name = ValueOption<String>(
    "--name", value: "NAME", .newTokenName, "make a new token of this name")
  static let spec = CommandSpec(
    ["token", "import"],
    "read the control panel's .txt file (or a tool's .env, .catalyst or stencil files) into the token prepared for it",
    arguments: [file.spec], options: [into.spec, name.spec],
    example: "token import ~/Downloads/cart-migration.txt --into cart-migration")

  let file: Given<String>
  let into: Given<String>?
  let name: Given<String>?

  init(from invocation: Invocation) throws(BcshError) {
    file = try invocation.read(Self.file)
    into = try invocation.read(Self.into)
    name = try invocation.read(Self.name)
  }

  func run(in context: inout CommandContext) throws(BcshError) {
    let fileArgument = self.file
    let nameOption = self.name
    if into != nil, let nameOption {
      throw BcshError(
        "give --into (fill a prepared token) or --name (make a new one), not both", code: .usage,
        at: nameOption.position)
    }
    let path = context.resolvePath(fileArgument.value)
    let text: String
    text = try BcshError.placing(at: fileArgument.position) { () throws(BcshError) in
      try context.files.read(path, shownAs: fileArgument.value)
    }
    var file = try Self.read(text, path: path, given: fileArgument, context: context)
    if file.apiPath.isEmpty {
      // A stencil theme on a store of its own domain: the store is the prepared token's.
      guard
        let path = try into.map({ (into) throws(BcshError) in try context.state.session.require(into.value) }
        )?
        .apiPath
      else {
        throw BcshError(
          "the theme's normalStoreUrl does not say its store (no store-HASH address)", code: .notReady,
          hint: "prepare a token with 'path set HASH' and import with --into NAME",
          at: SourcePosition(source: fileArgument.value, line: 1, column: 1))
      }
      file.apiPath = path.canonical
    }
    // Its secrets are masked from here on, in every message the import goes on to write.
    for secret in [file.accessToken, file.clientSecret] {
      if let secret { context.maskFromNow(secret) }
    }
    func line(_ label: String) -> SourcePosition {
      SourcePosition(source: fileArgument.value, line: file.lines[label] ?? 1, column: 1)
    }
    let apiPath: APIPath
    do throws(BcshError) {
      apiPath = try APIPath.parse(file.apiPath)
    } catch {
      throw BcshError(
        "the file's API PATH is not valid: \(error.message)", code: error.code, hint: error.hint,
        at: line("API PATH"), cause: error)
    }
    for (field, value) in [
      (CredentialField.accessToken, file.accessToken), (.clientID, file.clientID),
      (.clientSecret, file.clientSecret),
    ] {
      if let value {
        for warning in CredentialValue.warnings(for: field, value: value) {
          context.warn(warning, at: fileArgument.position)
        }
      }
    }

    // The token prepared for this file: --into, or the one the file's name or store points to.
    let prepared: (token: Token, note: String?)?
    if let into {
      let token = try BcshError.placing(at: into.position) { () throws(BcshError) in
        try context.state.session.require(into.value)
      }
      prepared = (token, nil)
    } else if nameOption == nil {
      prepared = try Self.preparedToken(
        for: file, apiPath: apiPath, in: context.state.session, at: fileArgument.position)
    } else {
      prepared = nil
    }
    if let prepared {
      try Self.fill(
        prepared.token, from: file, apiPath: apiPath, note: prepared.note, at: line("API PATH"),
        context: &context)
      return
    }

    guard let name = nameOption?.value ?? file.clientName else {
      throw BcshError(
        "the file has no CLIENT NAME; give the token a name", code: .invalidFile,
        hint: "token import FILE --name NAME",
        at: fileArgument.position)
    }
    do throws(BcshError) { try Session.checkName(name) } catch {
      throw nameOption == nil
        ? BcshError(
          error.message, code: error.code, hint: "give it another name: token import FILE --name NAME",
          at: line("CLIENT NAME"), cause: error)
        : error.placed(at: nameOption?.position)
    }
    var token = Token(name: name, kind: apiPath.kind)
    token.apiPath = apiPath
    token.fillCredentials(from: file)
    do throws(BcshError) {
      try context.state.session.add(token)
    } catch {
      throw BcshError(
        error.message, code: error.code, hint: "choose another name: token import FILE --name NAME",
        at: nameOption?.position ?? fileArgument.position, cause: error)
    }
    context.confirm(
      "imported \(apiPath.kind)-level token '\(name)' for \(apiPath.canonical)\n"
        + "the file does not list scopes: declare them with 'scope add' or 'scope preset', then 'verify'")
  }

  /// The credentials of the file at `path`: the control panel's `.txt`, or a tool's own file
  /// (`ToolCredentials`), told apart by name and content. A stencil file brings the other one of
  /// the theme along, when it is there.
  private static func read(
    _ text: String, path: String, given: Given<String>, context: CommandContext
  ) throws(BcshError) -> CredentialsFile {
    let name = Paths.fileName(of: path)
    let source = given.value
    switch ToolCredentials.kind(ofFileNamed: name, text: text) {
    case nil: return try CredentialsFile.parse(text, source: source)
    case .dotEnv?: return try ToolCredentials.dotEnv(text, source: source)
    case .catalyst?: return try ToolCredentials.catalyst(text, source: source)
    case .stencil?:
      func beside(_ other: String) -> (path: String, shown: String) {
        let folder = Paths.folder(of: path)
        let shown = source.contains("/") ? Paths.folder(of: source) + "/" + other : other
        return (folder + "/" + other, shown)
      }
      func readIfThere(_ file: (path: String, shown: String)) throws(BcshError) -> String? {
        guard context.files.fingerprint(of: file.path) != nil else { return nil }
        return try context.files.read(file.path, shownAs: file.shown)
      }
      if name == StencilProject.configFileName {
        let config = try JSONSettingsDocument.parse(text, source: source)
        var secretsName = StencilProject.secretsFileName
        if let named = config.string("secretsFileName"), !named.isEmpty, !named.contains("/") {
          secretsName = named
        }
        let secrets = beside(secretsName)
        guard let secretsText = try readIfThere(secrets) else {
          throw BcshError(
            "\(secrets.shown) is not there: stencil keeps the access token in it", code: .fileNotFound,
            at: given.position)
        }
        return try ToolCredentials.stencil(
          secrets: secretsText, secretsSource: secrets.shown, config: text, configSource: source)
      }
      let config = beside(StencilProject.configFileName)
      return try ToolCredentials.stencil(
        secrets: text, secretsSource: source, config: try readIfThere(config), configSource: config.shown)
    }
  }

  /// The token a file fills when neither --into nor --name says: the one its CLIENT NAME names, as
  /// the control panel compares names (case, spaces, hyphens and underscores aside); else the one
  /// token of the file's store (or account) that still waits for credentials. nil when none does
  /// (a new token is made); an error when the choice is not clear.
  private static func preparedToken(
    for file: CredentialsFile, apiPath: APIPath, in session: Session, at position: SourcePosition
  ) throws(BcshError) -> (token: Token, note: String?)? {
    let place = apiPath.kind == .store ? "store '\(apiPath.identifier)'" : "account '\(apiPath.identifier)'"
    if let clientName = file.clientName {
      let named = session.token(named: clientName).map { [$0] } ?? session.tokens(likeName: clientName)
      if named.count > 1 {
        throw BcshError(
          "the file's CLIENT NAME \(ShownWord.quoted(clientName)) could be any of "
            + named.map { "'\($0.name)'" }.joined(separator: ", "),
          code: .usage,
          hint: "'token import FILE --into NAME' says which; '--name NAME' makes a new token", at: position)
      }
      if let token = named.first {
        guard token.accessToken == nil else {
          throw BcshError(
            "'\(token.name)' already has an access token; the file would replace it", code: .alreadyExists,
            hint: "'token import FILE --into \(Word.typed(token.name))' replaces it; "
              + "'--name NAME' makes a new token",
            at: position)
        }
        return (
          token,
          token.name == clientName
            ? nil : "the file's CLIENT NAME \(ShownWord.quoted(clientName)) is '\(token.name)'"
        )
      }
    }
    let waiting = session.tokens.filter { $0.accessToken == nil && $0.apiPath == apiPath }
    let unnamed =
      file.clientName.map { "the file's CLIENT NAME \(ShownWord.quoted($0)) names no token" }
      ?? "the file has no CLIENT NAME"
    if waiting.count > 1 {
      throw BcshError(
        "\(unnamed), and \(Counted.text(waiting.count, "token")) of \(place) wait for credentials: "
          + waiting.map { "'\($0.name)'" }.joined(separator: ", "),
        code: .usage,
        hint: "'token import FILE --into NAME' fills one of them; '--name NAME' makes a new token",
        at: position)
    }
    return waiting.first.map {
      ($0, "\(unnamed); '\($0.name)' is the one token of \(place) waiting for credentials")
    }
  }

  /// "a store-level", "an account-level".
  private static func article(_ kind: TokenKind) -> String {
    kind == .account ? "an account-level" : "a store-level"
  }

  /// Puts the file's credentials into a prepared token, keeping its declared scopes; its path must
  /// be the file's, when it has one.
  private static func fill(
    _ prepared: Token, from file: CredentialsFile, apiPath: APIPath, note: String? = nil,
    at place: SourcePosition, context: inout CommandContext
  ) throws(BcshError) {
    guard prepared.kind == apiPath.kind else {
      throw BcshError(
        "'\(prepared.name)' is \(article(prepared.kind)) token, but the file is for "
          + "\(article(apiPath.kind)) API account (\(apiPath.canonical))",
        code: .invalidValue,
        hint: "import it as a new token: token import FILE --name NAME", at: place)
    }
    if let path = prepared.apiPath, path != apiPath {
      let what = apiPath.kind == .store ? "store" : "account"
      throw BcshError(
        "the file is for \(what) '\(apiPath.identifier)', but '\(prepared.name)' is set up for "
          + "\(what) '\(path.identifier)'",
        code: .invalidValue,
        hint: "check that you downloaded the file from the right \(what); 'path set' changes the \(what) "
          + "'\(prepared.name)' is set up for",
        at: place)
    }
    let replacing = prepared.accessToken != nil
    try context.state.session.update(prepared.name) { token in
      token.apiPath = apiPath
      token.fillCredentials(from: file)
      token.lastVerification = nil
    }
    try context.state.session.use(prepared.name)
    let scopes = prepared.grants.count
    context.confirm(
      (note.map { $0 + "\n" } ?? "")
        + "\(replacing ? "replaced" : "filled") the credentials of '\(prepared.name)' for \(apiPath.canonical)"
        + " (\(scopes == 0 ? "no scopes declared" : "\(Counted.text(scopes, "declared scope")) kept"))\n"
        + (scopes == 0
          ? "declare its scopes ('scope add', 'scope preset') or find out what it can do: verify --scopes all"
          : "next: verify"))
  }
}

/// `token checklist [NAME]`.
struct TokenChecklistCommand: SynchronousCommand {
  static let name = OptionalArgument<String>("NAME", .tokenName)
  static let spec = CommandSpec(
    ["token", "checklist"], "the steps to create this exact API account in the control panel",
    arguments: [name.spec], example: "token checklist")

  let name: Given<String>?

  init(from invocation: Invocation) throws(BcshError) { name = try invocation.read(Self.name) }

  func run(in context: inout CommandContext) throws(BcshError) {
    let token = try context.token(named: name)
    try BcshError.placing(at: name?.position) { () throws(BcshError) in try CommandContext.refuseMinted(token)
    }
    // An account without scopes can do nothing the job needs: the steps would make a useless one.
    guard !token.grants.isEmpty else {
      throw BcshError(
        "'\(token.name)' declares no scopes yet, so there is no account to describe", code: .notReady,
        hint: "declare what the job needs first: 'scope preset' lists the presets; 'scope add SCOPE=LEVEL' "
          + "adds one; 'scope need METHOD PATH' finds the scopes of requests",
        at: name?.position)
    }
    context.report(
      Checklist.text(for: token, style: context.format.style, width: context.format.width),
      json: Checklist.json(for: token))
  }
}

extension CommandContext {
  /// The token an optional NAME argument names, or the current one.
  func token(named argument: Given<String>?) throws(BcshError) -> Token {
    guard let argument else { return try currentToken() }
    return try BcshError.placing(at: argument.position) { () throws(BcshError) in
      try state.session.require(argument.value)
    }
  }
}

extension Token {
  /// Takes the access token, client ID and client secret of a downloaded credentials file.
  mutating func fillCredentials(from file: CredentialsFile) {
    accessToken = Secret(file.accessToken)
    // A file without them leaves what was set by hand.
    if let id = file.clientID { clientID = id }
    if let secret = file.clientSecret { clientSecret = Secret(secret) }
  }
}
