import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `token set` and `token import`: bringing credentials in.
enum CredentialCommands {
  static let set = CommandSpec(
    ["token", "set"], "set a credential: typed hidden, or from --env, --file or --stdin",
    arguments: [ArgumentSpec("FIELD", .credentialField), ArgumentSpec("VALUE", .text, .optional)],
    options: [
      OptionSpec("--env", value: ("VAR", .variableName), "read the value from an environment variable"),
      OptionSpec("--file", value: ("PATH", .file(.any)), "read the value from a file"),
      OptionSpec("--stdin", "read the value from standard input"),
    ],
    example: "token set access-token --env BIGCOMMERCE_ACCESS_TOKEN",
    carriesSecret: { positional in
      // `token set FIELD VALUE` with a secret (or unknown) FIELD and a VALUE typed inline.
      guard positional.count >= 2, positional[1] != nil else { return false }
      return positional[0].flatMap(CredentialField.init(rawValue:))?.isSecret ?? true
    },
    effects: .readsSecrets
  ) { context, invocation throws(BcshError) in
    let fieldArgument = invocation.argument("FIELD")!
    // `Invocation` has checked it against the closed set.
    let field = CredentialField(rawValue: fieldArgument.value)!
    _ = try context.currentToken()
    let value = try readValue(for: field, invocation: invocation, context: context)
    for warning in CredentialValue.warnings(for: field, value: value) {
      context.warn(warning, at: invocation.position)
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

  static let importFile = CommandSpec(
    ["token", "import"],
    "read the .txt file the control panel downloads into the token prepared for it (or a new one)",
    arguments: [ArgumentSpec("FILE", .file(.credentials))],
    options: [
      OptionSpec("--into", value: ("NAME", .tokenName), "fill this prepared token's credentials"),
      OptionSpec("--name", value: ("NAME", .newTokenName), "make a new token of this name"),
    ],
    example: "token import ~/Downloads/cart-migration.txt --into cart-migration"
  ) { context, invocation throws(BcshError) in
    let fileArgument = invocation.argument("FILE")!
    let into = invocation.option("--into")
    let nameOption = invocation.option("--name")
    if into != nil, let nameOption {
      throw BcshError(
        "give --into (fill a prepared token) or --name (make a new one), not both", at: nameOption.position)
    }
    let path = context.resolvePath(fileArgument.value)
    let text: String
    do throws(BcshError) { text = try AtomicFile.read(path, shownAs: fileArgument.value) } catch {
      throw error.placed(at: fileArgument.position)
    }
    let file = try CredentialsFile.parse(text, source: fileArgument.value)
    // Its secrets are masked from here on, in every message the import goes on to write.
    for secret in [file.accessToken, file.clientSecret] {
      if let secret { context.shell.maskFromNow(secret) }
    }
    func line(_ label: String) -> SourcePosition {
      SourcePosition(source: fileArgument.value, line: file.lines[label] ?? 1, column: 1)
    }
    let apiPath: APIPath
    do throws(BcshError) {
      apiPath = try APIPath.parse(file.apiPath)
    } catch {
      throw BcshError(
        "the file's API PATH is not valid: \(error.message)", hint: error.hint, at: line("API PATH"))
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
      do throws(BcshError) { prepared = (try context.state.session.require(into.value), nil) } catch {
        throw error.placed(at: into.position)
      }
    } else if nameOption == nil {
      prepared = try preparedToken(
        for: file, apiPath: apiPath, in: context.state.session, at: fileArgument.position)
    } else {
      prepared = nil
    }
    if let prepared {
      try fill(
        prepared.token, from: file, apiPath: apiPath, note: prepared.note, at: line("API PATH"),
        context: &context)
      return
    }

    guard let name = nameOption?.value ?? file.clientName else {
      throw BcshError(
        "the file has no CLIENT NAME; give the token a name", hint: "token import FILE --name NAME",
        at: fileArgument.position)
    }
    do throws(BcshError) { try Session.checkName(name) } catch {
      throw nameOption == nil
        ? BcshError(
          error.message, hint: "give it another name: token import FILE --name NAME", at: line("CLIENT NAME"))
        : error.placed(at: nameOption?.position)
    }
    var token = Token(name: name, kind: apiPath.kind)
    token.apiPath = apiPath
    token.fillCredentials(from: file)
    do throws(BcshError) {
      try context.state.session.add(token)
    } catch {
      throw BcshError(
        error.message, hint: "choose another name: token import FILE --name NAME",
        at: nameOption?.position ?? fileArgument.position)
    }
    context.confirm(
      "imported \(apiPath.kind)-level token '\(name)' for \(apiPath.canonical)\n"
        + "the file does not list scopes: declare them with 'scope add' or 'scope preset', then 'verify'")
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
          hint: "'token import FILE --into NAME' says which; '--name NAME' makes a new token", at: position)
      }
      if let token = named.first {
        guard token.accessToken == nil else {
          throw BcshError(
            "'\(token.name)' already has an access token; the file would replace it",
            hint: "'token import FILE --into \(Shell.quoteForDisplay(token.name))' replaces it; "
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
        hint: "import it as a new token: token import FILE --name NAME", at: place)
    }
    if let path = prepared.apiPath, path != apiPath {
      let what = apiPath.kind == .store ? "store" : "account"
      throw BcshError(
        "the file is for \(what) '\(apiPath.identifier)', but '\(prepared.name)' is set up for "
          + "\(what) '\(path.identifier)'",
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

  private static func readValue(for field: CredentialField, invocation: Invocation, context: CommandContext)
    throws(BcshError) -> String
  {
    let inline = invocation.argument("VALUE")
    let sources = [
      inline != nil, invocation.option("--env") != nil, invocation.option("--file") != nil,
      invocation.flag("--stdin"),
    ]
    guard sources.filter({ $0 }).count <= 1 else {
      throw BcshError(
        "give the value one way only: inline, --env, --file or --stdin", at: invocation.position)
    }
    let environment = context.shell.environment
    var value: String
    if let inline {
      if field.isSecret && inline.isLiteral {
        if context.shell.options.interactive {
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
    } else if let variable = invocation.option("--env") {
      guard let found = context.state.variables[variable.value] ?? environment.variables[variable.value]
      else {
        throw BcshError(
          "environment variable \(ShownWord.quoted(variable.value)) is not set", at: variable.position)
      }
      value = found
    } else if let file = invocation.option("--file") {
      do throws(BcshError) {
        value = try AtomicFile.read(context.resolvePath(file.value), shownAs: file.value)
      } catch {
        throw error.placed(at: file.position)
      }
    } else if invocation.flag("--stdin") {
      guard let read = environment.ports.standardInput, let text = try read() else {
        throw BcshError(
          "standard input is not available to read from", hint: "pipe the value in, or use --env or --file",
          at: invocation.position)
      }
      value = text
    } else {
      guard let reader = context.capabilities.secretReader else {
        throw BcshError(
          "no terminal to ask for the \(field.rawValue) on",
          hint: "use --stdin, --env VAR or --file PATH", at: invocation.position)
      }
      value = try reader.readSecret(prompt: "\(field.rawValue) (input hidden): ")
    }
    // Masked from here on, whatever the command goes on to say (an -x trace, an error).
    if field.isSecret {
      context.shell.maskFromNow(value)
      context.shell.maskFromNow(value.trimmingBlanks())
    }
    value = value.trimmingBlanks()
    guard !value.isEmpty else { throw BcshError("the \(field.rawValue) is empty", at: invocation.position) }
    if let problem = CredentialValue.problem(with: value) {
      throw BcshError(
        "the \(field.rawValue) \(problem)", hint: "a credential is one word; check the file or variable",
        at: invocation.position)
    }
    return value
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
