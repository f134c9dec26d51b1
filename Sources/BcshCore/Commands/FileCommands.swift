/// `save` and `open`: the session on disk.
enum FileCommands {
  enum SaveFormat: String, CaseIterable {
    case session, txt, env
  }

  static let all: [CommandSpec] = [
    CommandSpec(
      ["save"], "save the session (or the current token as txt or env); 0600, atomic",
      arguments: [ArgumentSpec("FILE", .file(.session), .optional)],
      options: [
        OptionSpec("--format", value: ("FORMAT", .saveFormat), "session (default), txt or env"),
        OptionSpec("--force", "overwrite a file that exists or changed on disk"),
      ],
      example: "save migration.bcsh.json"
    ) { context, invocation throws(BcshError) in
      try save(&context, invocation)
    },
    CommandSpec(
      ["open"], "open a session file", arguments: [ArgumentSpec("FILE", .file(.session))],
      options: [OptionSpec("--discard", "discard unsaved changes")],
      example: "open migration.bcsh.json"
    ) { context, invocation throws(BcshError) in
      let file = invocation.argument("FILE")!
      if context.state.hasUnsavedChanges && !invocation.flag("--discard") {
        throw BcshError(
          "the session has unsaved changes", hint: "'save' keeps them; 'open --discard FILE' drops them",
          at: file.position)
      }
      let path = context.resolvePath(file.value)
      try context.open(path: path, shownAs: file.value, at: file.position)
      context.confirm("opened \(file.value) (\(context.state.session.tokens.count) tokens)")
    },
  ]

  private static func save(_ context: inout CommandContext, _ invocation: Invocation) throws(BcshError) {
    let formatArgument = invocation.option("--format")
    // `Invocation` has checked it against the closed set.
    let format = SaveFormat(rawValue: formatArgument?.value ?? "session")!
    let fileArgument = invocation.argument("FILE")
    let path: String
    if let fileArgument {
      path = context.resolvePath(fileArgument.value)
    } else if format == .session, let file = context.state.file {
      path = file.path
    } else {
      throw BcshError(
        format == .session ? "this session has no file yet" : "save --format \(format) needs a FILE",
        hint: "save FILE\(format == .session ? "" : " --format \(format)")", at: invocation.position)
    }
    let place = fileArgument?.position ?? invocation.position
    let contents: String
    switch format {
    case .session:
      contents = SessionFile.rendered(context.state.session)
    case .txt, .env:
      let token = try context.currentToken()
      guard let accessToken = token.accessToken, let apiPath = token.apiPath else {
        throw BcshError(
          "'\(token.name)' needs an access token and an API path to be saved as \(format)",
          hint: "'token set access-token' and 'path set VALUE'", at: place)
      }
      contents =
        format == .txt
        ? CredentialsFile(
          accessToken: accessToken.revealed, clientName: token.name, apiPath: apiPath.canonical,
          clientID: token.clientID, clientSecret: token.clientSecret?.revealed
        ).rendered()
        : DotEnvFile.rendered(token)
    }
    if context.shell.options.dryRun {
      context.confirm("dry run: would write \(fileArgument?.value ?? path) (\(format))")
      return
    }
    let force = invocation.flag("--force")
    let isSessionFile = context.state.file?.path == path
    if format != .session && isSessionFile && !force {
      throw BcshError(
        "'\(fileArgument?.value ?? path)' is this session's own file; saving \(format) there would replace it",
        hint: "choose another file name", at: place)
    }
    // Only the session's own file may be overwritten without --force, and only as it was last seen.
    let expected = format == .session && isSessionFile ? context.state.file?.fingerprint : nil
    let fingerprint: FileFingerprint
    do throws(BcshError) {
      fingerprint = try AtomicFile.write(
        contents, to: path, expected: expected, force: force, shownAs: fileArgument?.value)
    } catch {
      throw error.placed(at: place)
    }
    if format == .session {
      context.state.file = SessionFileReference(path: path, fingerprint: fingerprint)
      context.state.saved = context.state.session
    } else if isSessionFile {
      context.state.file = nil
    }
    // A relative name is shown with the folder it landed in, so that nobody has to guess.
    let shown = fileArgument?.value ?? path
    context.confirm("saved \(shown) (\(format), mode 0600)" + (shown == path ? "" : " at \(path)"))
    if GitExposure.isTrackable(path) {
      context.warn(
        "\(fileArgument?.value ?? path) holds credentials and lies in a git work tree that does not ignore it",
        at: place, hint: "add it to .gitignore before the next commit")
    }
  }
}

extension CommandContext {
  /// Loads a session file as the session's own: it becomes the file `save` writes to.
  mutating func open(path: String, shownAs name: String, at position: SourcePosition?) throws(BcshError) {
    let text: String
    do throws(BcshError) { text = try AtomicFile.read(path, shownAs: name) } catch {
      throw error.placed(at: position)
    }
    let fingerprint = FileFingerprint.of(path)
    let session = try SessionFile.parse(text, source: name)
    state.session = session
    state.saved = session
    state.file = SessionFileReference(path: path, fingerprint: fingerprint)
  }
}
