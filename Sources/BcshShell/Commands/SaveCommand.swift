import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import FoundationEssentials

/// `save`: the session, or the current token as a file for other tools, on disk.
struct SaveCommand: SynchronousCommand {
  static let file = OptionalArgument<String>("FILE", .file(.session))
  static let format = ValueOption<SaveFormat>("--format", value: "FORMAT", "session (default), txt or env")
  static let force = Flag("--force", "overwrite a file that exists or changed on disk")
  static let keyring = Flag(
    "--keyring", "keep the access tokens and client secrets in the OS keyring (Secret Service), not the file")
  static let spec = CommandSpec(
    ["save"], "save the session (or the current token as txt or env); 0600, atomic",
    arguments: [file.spec], options: [format.spec, force.spec, keyring.spec],
    example: "save migration.bcsh.json --keyring", effects: [.writesFiles, .usesKeyring])

  let file: Given<String>?
  let format: Given<SaveFormat>?
  let force: Bool
  let useKeyring: Bool
  let position: SourcePosition

  init(from invocation: Invocation) throws(BcshError) {
    file = try invocation.read(Self.file)
    format = try invocation.read(Self.format)
    force = try invocation.read(Self.force)
    useKeyring = try invocation.read(Self.keyring)
    position = invocation.position
  }

  func run(in context: inout CommandContext) throws(BcshError) {
    let format = self.format?.value ?? .session
    let fileArgument = self.file
    let path: String
    if let fileArgument {
      path = context.resolvePath(fileArgument.value)
    } else if format == .session, let file = context.state.file {
      path = file.path
    } else {
      throw BcshError(
        format == .session ? "this session has no file yet" : "save --format \(format) needs a FILE",
        code: format == .session ? .notReady : .usage,
        hint: "save FILE\(format == .session ? "" : " --format \(format)")", at: position)
    }
    let place = fileArgument?.position ?? position
    // The keyring: asked for, or kept from a session whose secrets live there (a copy of it under
    // another name gets an id of its own, so that its secrets never land in plain text by surprise).
    var keyring: KeyringSecrets?
    if format == .session, let own = context.state.file, let ownKeyring = own.keyring {
      keyring = own.path == path ? ownKeyring : KeyringSecrets(id: UUID().uuidString.lowercased())
    }
    if useKeyring {
      guard format == .session else {
        throw BcshError(
          "--keyring saves a session file; a \(format) file is for other tools and holds its secrets",
          code: .usage,
          hint: "save FILE --keyring", at: place)
      }
      keyring = keyring ?? KeyringSecrets(id: UUID().uuidString.lowercased())
    }
    let isSessionFile = context.state.file?.path == path
    if format != .session && isSessionFile && !force {
      throw BcshError(
        "\(ShownWord.quoted(fileArgument?.value ?? path)) is this session's own file; saving \(format) there would replace it",
        code: .alreadyExists,
        hint: "choose another file name", at: place)
    }
    var contents: String
    switch format {
    case .session:
      contents = SessionFile.rendered(context.state.session)
    case .txt, .env:
      let token = try context.currentToken()
      if let record = token.storefront {
        throw BcshError(
          "'\(token.name)' is a minted \(record.kind.rawValue) token, not an API account: a \(format) file holds "
            + "an API account's credentials",
          code: .invalidValue,
          hint: "save FILE (a session file) keeps it; 'token use NAME' selects an API account",
          at: place)
      }
      guard let accessToken = token.accessToken, let apiPath = token.apiPath else {
        throw BcshError(
          "'\(token.name)' needs an access token and an API path to be saved as \(format)", code: .notReady,
          hint: [
            token.accessToken == nil ? "'token set access-token' sets the access token" : nil,
            token.apiPath == nil ? "'path set VALUE' sets the API path" : nil,
          ].compactMap { $0 }.joined(separator: "; "), at: place)
      }
      if format == .txt {
        contents = CredentialsFile(
          accessToken: accessToken.revealed, clientName: token.name, apiPath: apiPath.canonical,
          clientID: token.clientID, clientSecret: token.clientSecret?.revealed
        ).rendered()
      } else {
        contents = try BcshError.placing(at: place) { () throws(BcshError) in try DotEnvFile.rendered(token) }
      }
    }
    // The secrets reach the keyring, as a new generation of items, before the file that lists
    // that generation replaces the old one; a save that fails removes the generation it began.
    var keyringStore: (any SecretStoring)?
    var generation = UUID().uuidString.lowercased()
    if let keyring,
      let manifest = keyring.reusableManifest(for: context.state.session, saved: context.state.saved)
    {
      // The secrets are those the file's generation holds: nothing to store.
      generation = manifest.generation
      contents = SessionFile.rendered(context.state.session, keyring: manifest)
    } else if let keyring {
      do throws(BcshError) {
        let store = try context.capabilities.keyring.forWriting()
        let manifest = try keyring.store(context.state.session, generation: generation, in: store)
        keyringStore = store
        contents = SessionFile.rendered(context.state.session, keyring: manifest)
      } catch {
        throw BcshError(
          error.message + "; nothing was saved", code: error.code,
          hint: error.hint ?? "save without --keyring keeps the secrets in the 0600 file", at: place,
          cause: error)
      }
    }
    // git failing in the folder (a repository it refuses, a corrupt .git) cannot say whether it
    // would track the file: nothing is saved there unless forced.
    if !force {
      do throws(BcshError) {
        _ = try context.capabilities.files.gitWouldTrack(path)
      } catch {
        if let keyring, let keyringStore { keyring.discard(generation, in: keyringStore) }
        throw BcshError(
          error.message + "; nothing was saved", code: error.code, hint: error.hint, at: place, cause: error)
      }
    }
    // Only the session's own file may be overwritten without --force, and only as it was last seen.
    let expected = format == .session && isSessionFile ? context.state.file?.fingerprint : nil
    let written: FileFingerprint?
    do throws(BcshError) {
      written = try context.capabilities.files.write(
        contents, to: path, expected: expected, force: force, shownAs: fileArgument?.value,
        what: "\(format)\(keyring == nil ? "" : "; secrets to the keyring")")
    } catch {
      if let keyring, let keyringStore { keyring.discard(generation, in: keyringStore) }
      throw error.placed(at: place)
    }
    // A dry run wrote nothing: the session stays as it was, unsaved.
    guard let fingerprint = written else { return }
    if format == .session {
      var kept = keyring
      if let keyring, let keyringStore {
        // Only a generation this session stored for this very file, now replaced there, goes:
        // one a file on disk listed before may be listed by a copy too.
        if isSessionFile, keyring.storedHere, let old = keyring.generation, old != generation {
          keyring.discard(old, in: keyringStore)
        }
        kept = KeyringSecrets(id: keyring.id, generation: generation, storedHere: true)
      }
      context.state.file = SessionFileReference(path: path, fingerprint: fingerprint, keyring: kept)
      context.state.saved = context.state.session
    } else if isSessionFile {
      context.state.file = nil
    }
    // A relative name is shown with the folder it landed in, so that nobody has to guess.
    let shown = fileArgument?.value ?? path
    let kept = keyring == nil ? "" : "; secrets in the keyring"
    context.confirm(
      "saved \(shown) (\(format), mode 0600\(kept))" + (shown == path ? "" : " at \(path)"))
    let trackable: Bool
    do throws(BcshError) {
      trackable = try context.capabilities.files.gitWouldTrack(path)
    } catch {
      // Saved already (a save keeps the session; its file is mode 0600): say git could not tell.
      context.warn(
        error.message, at: place, hint: "run 'git status' there, and check .gitignore covers the file")
      return
    }
    if trackable {
      context.warn(
        "\(fileArgument?.value ?? path) holds credentials and lies in a git work tree that does not ignore it",
        at: place, hint: "add it to .gitignore before the next commit")
    }
  }
}
