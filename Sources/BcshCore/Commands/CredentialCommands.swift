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
    }
  ) { context, invocation throws(BcshError) in
    let fieldArgument = invocation.argument("FIELD")!
    // `Invocation` has checked it against the closed set.
    let field = CredentialField(rawValue: fieldArgument.value)!
    _ = try context.currentToken()
    let value = try readValue(for: field, invocation: invocation, context: context)
    for warning in CredentialFormat.warnings(for: field, value: value) {
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
    ["token", "import"], "read the .txt file the control panel downloads into a new token",
    arguments: [ArgumentSpec("FILE", .file(.credentials))],
    options: [
      OptionSpec("--name", value: ("NAME", .newTokenName), "the token's name (default: the file's NAME)")
    ],
    example: "token import ~/Downloads/migration-api-credentials.txt"
  ) { context, invocation throws(BcshError) in
    let fileArgument = invocation.argument("FILE")!
    let path = context.resolvePath(fileArgument.value)
    let text: String
    do throws(BcshError) { text = try AtomicFile.read(path, shownAs: fileArgument.value) } catch {
      throw error.placed(at: fileArgument.position)
    }
    let file = try CredentialsFile.parse(text, source: fileArgument.value)
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
    let nameOption = invocation.option("--name")
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
    token.accessToken = Secret(file.accessToken)
    token.clientID = file.clientID
    token.clientSecret = file.clientSecret.map(Secret.init)
    for (field, value) in [
      (CredentialField.accessToken, file.accessToken), (.clientID, file.clientID),
      (.clientSecret, file.clientSecret),
    ] {
      if let value {
        for warning in CredentialFormat.warnings(for: field, value: value) {
          context.warn(warning, at: fileArgument.position)
        }
      }
    }
    do throws(BcshError) {
      try context.state.session.add(token)
    } catch {
      throw BcshError(
        error.message, hint: "choose another name: token import FILE --name NAME", at: fileArgument.position)
    }
    context.confirm(
      "imported \(apiPath.kind)-level token '\(name)' for \(apiPath.canonical)\n"
        + "the file does not list scopes: declare them with 'scope add' or 'scope preset', then 'verify'")
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
        throw BcshError("environment variable '\(variable.value)' is not set", at: variable.position)
      }
      value = found
    } else if let file = invocation.option("--file") {
      do throws(BcshError) {
        value = try AtomicFile.read(context.resolvePath(file.value), shownAs: file.value)
      } catch {
        throw error.placed(at: file.position)
      }
    } else if invocation.flag("--stdin") {
      guard let read = environment.readStandardInput, let text = try read() else {
        throw BcshError(
          "standard input is not available to read from", hint: "pipe the value in, or use --env or --file",
          at: invocation.position)
      }
      value = text
    } else {
      guard let reader = environment.secretReader, !context.shell.options.dryRun else {
        throw BcshError(
          "no terminal to ask for the \(field.rawValue) on",
          hint: "use --stdin, --env VAR or --file PATH", at: invocation.position)
      }
      value = try reader.readSecret(prompt: "\(field.rawValue) (input hidden): ")
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

/// The formats seen in real credentials (bigcommerce-reference.md section 4). Not documented, so a
/// mismatch is a warning, never a refusal.
enum CredentialFormat {
  static func warnings(for field: CredentialField, value: String) -> [String] {
    let isHex64 = value.count == 64 && value.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    let isToken31 = value.count == 31 && value.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
    switch field {
    case .accessToken:
      if isHex64 { return ["this looks like a client secret (64 hex characters), not an access token"] }
      return isToken31 ? [] : ["access tokens are usually 31 characters of a-z and 0-9; this one is not"]
    case .clientID:
      return isToken31 ? [] : ["client IDs are usually 31 characters of a-z and 0-9; this one is not"]
    case .clientSecret:
      if isToken31 { return ["this looks like an access token or client ID, not a client secret"] }
      return isHex64 ? [] : ["client secrets are usually 64 lowercase hex characters; this one is not"]
    }
  }
}
