import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import JSONText

/// `export TOKEN --for TOOL [DIR]`: the credentials in the files the tool itself reads, merged
/// into what is there (docs/bigcommerce.md, "The tools' credential files").
struct ExportCommand: SynchronousCommand {
  static let token = RequiredArgument<String>("TOKEN", .tokenName)
  static let folder = OptionalArgument<String>("DIR", .file(.folder))
  static let tool = ValueOption<ExportTool>(
    "--for", value: "TOOL", "catalyst, stencil or env", required: true)
  static let storefront = ValueOption<String>(
    "--storefront", value: "NAME", .storefrontToken,
    "a storefront or private token minted for the same store (catalyst: its channel and token)")
  static let url = ValueOption<String>(
    "--url", value: "STOREFRONT_URL", .text, "the store's address for stencil's normalStoreUrl")
  static let force = Flag(
    "--force", "write a secret where git would track it, or over a file that changed on disk")
  static let spec = CommandSpec(
    ["export"], "write a token's credentials into the files a tool reads (merged; 0600, atomic)",
    arguments: [token.spec, folder.spec], options: [tool.spec, storefront.spec, url.spec, force.spec],
    example: "export cart-migration --for catalyst --storefront shop-token ~/src/storefront",
    effects: [.writesFiles])

  let token: Given<String>
  let folder: Given<String>?
  let tool: Given<ExportTool>
  let storefront: Given<String>?
  let url: Given<String>?
  let force: Bool
  let position: SourcePosition

  init(from invocation: Invocation) throws(BcshError) {
    token = try invocation.read(Self.token)
    folder = try invocation.read(Self.folder)
    tool = try invocation.read(required: Self.tool)
    storefront = try invocation.read(Self.storefront)
    url = try invocation.read(Self.url)
    force = try invocation.read(Self.force)
    position = invocation.position
  }

  /// A file to write: where, what, and what the user is told of it.
  struct Planned {
    var path: String
    var shown: String
    var contents: String
    var expected: FileFingerprint?
    var keys: [String]
    var holdsSecret: Bool
    /// Keys removed from the file (that it had).
    var removed: [String] = []
  }

  func run(in context: inout CommandContext) throws(BcshError) {
    let source = try BcshError.placing(at: token.position) { () throws(BcshError) in
      try context.state.session.require(token.value)
    }
    if source.storefront != nil {
      throw BcshError(
        "'\(source.name)' is a \(source.kindPhrase) token; export takes the API account",
        code: .usage,
        hint: "export the API account and add this one with --storefront \(Word.typed(source.name))",
        at: token.position)
    }
    guard source.accessToken != nil, let apiPath = source.apiPath else {
      throw BcshError(
        "'\(source.name)' needs an access token and an API path to be exported", code: .notReady,
        hint: "'token import FILE --into \(Word.typed(source.name))' fills them", at: token.position)
    }
    if let storefront, tool.value != .catalyst {
      throw BcshError(
        "--storefront is for --for catalyst", code: .usage, at: storefront.position)
    }
    if let url, tool.value != .stencil {
      throw BcshError("--url is for --for stencil", code: .usage, at: url.position)
    }
    var folderPath = context.resolvePath(folder?.value ?? ".")
    while folderPath.count > 1, folderPath.hasSuffix("/.") || folderPath.hasSuffix("/") {
      folderPath.removeLast(folderPath.hasSuffix("/") ? 1 : 2)
    }
    func shown(_ name: String) -> String {
      guard let folder else { return name }
      return folder.value.hasSuffix("/") ? folder.value + name : folder.value + "/" + name
    }
    var planned: [Planned] = []
    var notes: [String] = []
    // Said once the files are written: a refused export says only why.
    var warnings: [(message: String, place: SourcePosition, hint: String?)] = []
    switch tool.value {
    case .env:
      planned = [try dotEnv(".env", ToolKeys.env(source), shown: shown, in: folderPath, context: context)]
    case .catalyst:
      guard case .store(let hash) = apiPath else {
        throw BcshError(
          "'\(source.name)' is an account-level token; catalyst works with one store", code: .invalidValue,
          at: token.position)
      }
      let minted = try storefrontToken(for: source, store: apiPath, context: context)
      if minted == nil {
        notes.append(
          "no storefront token: BIGCOMMERCE_STOREFRONT_TOKEN and BIGCOMMERCE_CHANNEL_ID are left as they are "
            + "('token mint NAME --from \(Word.typed(source.name)) ...', then --storefront NAME)")
      }
      if let minted, let record = minted.storefront, record.usage(at: context.now) == .browser {
        warnings.append(
          (
            "'\(minted.name)' is a storefront token that works only from browsers, and Catalyst's server "
              + "sends it from server code",
            storefront?.position ?? position,
            "mint a private token for the server ('token mint NAME --kind private') and export with it"
          ))
      }
      let settings = ToolKeys.catalyst(source, storeHash: hash, storefront: minted, apiBase: context.apiBase)
      // Against production, Catalyst needs no API host: one left from a sandbox (or put there by
      // someone else) would send the token to that host.
      let removing = context.apiBase == APIBase.production ? ["BIGCOMMERCE_API_HOST"] : []
      let file = try dotEnv(
        ".env.local", settings, removing: removing, shown: shown, in: folderPath, context: context)
      planned = [file]
      for key in file.removed {
        notes.append(
          "removed \(key) from \(file.shown): the API in use is production (\(APIBase.production))")
      }
      let written = try? DotEnvDocument.parse(file.contents, source: file.shown)
      warnings += dotEnvOverrides(settings, folder: folderPath, shown: shown, context: context)
      for (key, instead) in ToolKeys.catalystUnread {
        if let line = written?.entry(key)?.line {
          warnings.append(
            (
              "\(key) is not read by Catalyst; it reads \(instead)",
              SourcePosition(source: file.shown, line: line, column: 1), nil
            ))
        }
      }
    case .stencil:
      guard case .store(let hash) = apiPath else {
        throw BcshError(
          "'\(source.name)' is an account-level token; stencil works with one store", code: .invalidValue,
          at: token.position)
      }
      planned = try stencil(source, hash: hash, shown: shown, in: folderPath, context: context)
    }

    // Every check before the first write, so that a refused export writes nothing.
    for file in planned where file.holdsSecret && !force {
      let trackable: Bool
      do throws(BcshError) {
        trackable = try context.capabilities.files.gitWouldTrack(file.path)
      } catch {
        throw BcshError(
          error.message, code: error.code, hint: error.hint,
          at: folder?.position ?? position)
      }
      if trackable {
        let name = Paths.fileName(of: file.path)
        let hint: String
        if let target = context.capabilities.files.linkTarget(of: file.path) {
          hint =
            "it is a symbolic link to \(ShownWord.quoted(target)): bcsh writes through it, and git there would take "
            + "the credentials; remove the link, or ignore that file in its repository (--force writes it anyway)"
        } else if context.capabilities.files.gitTracks(file.path) {
          // A file git tracks stays tracked whatever .gitignore says.
          hint =
            "git tracks it already: 'git rm --cached -- \(Word.typed(file.shown))' untracks it (a .gitignore line "
            + "does not), then export again (--force writes it anyway)"
        } else {
          hint =
            "add the line '\(name)' to the .gitignore of \(folder?.value ?? "this folder"), then export again "
            + "(--force writes it anyway)"
        }
        throw BcshError(
          "\(file.shown) would hold credentials and lies in a git work tree that does not ignore it",
          code: .usage, hint: hint,
          at: folder?.position ?? position)
      }
    }
    // Every file checked writable and as read before the first is written: a refusal of the second
    // must not leave the first written.
    for file in planned {
      do throws(BcshError) {
        try context.capabilities.files.checkWritable(
          file.path, expected: file.expected, force: force, shownAs: file.shown)
      } catch {
        throw exportError(error, source: source)
      }
    }
    var wrote = true
    for file in planned {
      let fingerprint: FileFingerprint?
      do throws(BcshError) {
        fingerprint = try context.capabilities.files.write(
          file.contents, to: file.path, expected: file.expected, force: force, shownAs: file.shown,
          what: "\(tool.value): \(file.keys.joined(separator: ", "))")
      } catch {
        throw exportError(error, source: source)
      }
      if fingerprint == nil { wrote = false }
    }
    for warning in warnings { context.warn(warning.message, at: warning.place, hint: warning.hint) }
    guard wrote else { return }
    // A read-only file written with --force stays read-only: say the mode it has.
    let lines = planned.map { file in
      let entries = (try? context.files.list(Paths.folder(of: file.path))) ?? []
      let entry = entries.first { $0.name == Paths.fileName(of: file.path) && $0.kind == .file }
      let mode = entry.map { String($0.permissions, radix: 8) } ?? "600"
      return "  \(file.shown) (mode 0\(mode)): \(file.keys.joined(separator: ", "))"
    }
    context.report(
      "exported '\(source.name)' for \(tool.value):\n" + lines.joined(separator: "\n") + "\n"
        + notes.map { $0 + "\n" }.joined(),
      json: .object([
        ("token", .string(source.name)), ("tool", .string(tool.value.rawValue)),
        (
          "files",
          .array(
            planned.map { file in
              .object([
                ("file", .string(file.shown)), ("path", .string(file.path)),
                ("keys", .array(file.keys.map { .string($0) })), ("holds_secret", .bool(file.holdsSecret)),
              ])
            })
        ),
        ("notes", .array(notes.map { .string($0) })),
      ]))
  }

  /// `error` of a check or write with export's own way on: save's hints name save and open.
  private func exportError(_ error: BcshError, source: Token) -> BcshError {
    let again = "export \(Word.typed(source.name)) --for \(tool.value.rawValue)"
    let hint: String? =
      switch error.code {
      case .changedOnDisk, .alreadyExists:
        "'\(again)' merges into the new version; '\(again) --force' writes over it"
      case _ where error.hint?.contains("'save --force'") == true:
        "'\(again) --force' replaces it all the same"
      default: error.hint
      }
    return BcshError(
      error.message, code: error.code, hint: hint, at: error.position ?? folder?.position ?? position,
      cause: error)
  }

  /// The `catalyst` CLI loads `.env` before `.env.local` and keeps the first value of a key (Next.js
  /// does the reverse): a key of `.env` that differs from the one written wins there, so say so.
  private func dotEnvOverrides(
    _ settings: [ToolSetting], folder: String, shown: (String) -> String, context: CommandContext
  ) -> [(message: String, place: SourcePosition, hint: String?)] {
    // A .env that cannot be read or parsed is not this export's business: it writes .env.local.
    guard let (text, _) = try? existing(folder + "/.env", shown: shown(".env"), context: context),
      let document = try? DotEnvDocument.parse(text, source: shown(".env"))
    else { return [] }
    return settings.compactMap { setting in
      guard let entry = document.entry(setting.key), entry.value != setting.value else { return nil }
      return (
        "\(setting.key) here differs from the one written to .env.local, and the catalyst CLI (deploy, link) "
          + "reads .env first",
        SourcePosition(source: shown(".env"), line: entry.line, column: 1),
        "remove it from .env, or 'export TOKEN --for env' there too"
      )
    }
  }

  /// The file `name` of `folder` read by `parse` (`empty` when there is none), with its path and
  /// the fingerprint a write must still find.
  private func document<Document>(
    _ name: String, in folder: String, shown: (String) -> String, context: CommandContext, empty: Document,
    parse: (String, String) throws(BcshError) -> Document
  ) throws(BcshError) -> (document: Document, path: String, expected: FileFingerprint?) {
    let path = folder + "/" + name
    guard let (text, fingerprint) = try existing(path, shown: shown(name), context: context) else {
      return (empty, path, nil)
    }
    return (try parse(text, shown(name)), path, fingerprint)
  }

  /// The file at `path` as it is now, with its fingerprint; nil when there is none.
  private func existing(_ path: String, shown: String, context: CommandContext) throws(BcshError) -> (
    String, FileFingerprint
  )? {
    guard context.files.fingerprint(of: path) != nil else { return nil }
    return try context.files.readWithFingerprint(path, shownAs: shown)
  }

  /// A `.env` file with `settings` merged in.
  private func dotEnv(
    _ name: String, _ settings: [ToolSetting], removing: [String] = [], shown: (String) -> String,
    in folder: String, context: CommandContext
  ) throws(BcshError) -> Planned {
    var (document, path, expected) = try self.document(
      name, in: folder, shown: shown, context: context, empty: DotEnvDocument(), parse: DotEnvDocument.parse)
    let removed = removing.filter { document.entry($0) != nil }
    for key in removed { document = document.removing(key) }
    for setting in settings {
      document = try BcshError.placing(at: position) { () throws(BcshError) in
        try document.setting(setting.key, setting.value, what: setting.what)
      }
    }
    return Planned(
      path: path, shown: shown(name), contents: document.rendered(), expected: expected,
      keys: settings.map(\.key), holdsSecret: settings.contains(where: \.isSecret), removed: removed)
  }

  /// `config.stencil.json` and `secrets.stencil.json` (or the secrets file the config names) with
  /// the keys bcsh owns set.
  private func stencil(
    _ source: Token, hash: String, shown: (String) -> String, in folder: String, context: CommandContext
  ) throws(BcshError) -> [Planned] {
    let (config, configPath, configExpected) = try document(
      StencilProject.configFileName, in: folder, shown: shown, context: context,
      empty: JSONSettingsDocument(),
      parse: JSONSettingsDocument.parse)
    // stencil reads the secrets from the file the config names, when it names one.
    let secretsName = try StencilProject.secretsFileName(
      in: config, source: shown(StencilProject.configFileName))
    let (secrets, secretsPath, secretsExpected) = try document(
      secretsName, in: folder, shown: shown, context: context, empty: JSONSettingsDocument(),
      parse: JSONSettingsDocument.parse)
    let project = StencilProject(config: config, secrets: secrets)
    let storeURL: String
    if let url {
      do throws(BcshError) {
        storeURL = try APIBase.validated(url.value)
      } catch {
        throw BcshError(
          error.message, code: error.code,
          hint: "the store's address, e.g. https://store-\(hash).mybigcommerce.com",
          at: url.position, cause: error)
      }
    } else if let kept = project.normalStoreURL {
      storeURL = kept
    } else if let domain = source.lastVerification?.storeDomain {
      // The store's own domain, as the last verify read it.
      storeURL = "https://\(domain)"
    } else {
      storeURL = "https://store-\(hash).mybigcommerce.com"
    }
    let settings = ToolKeys.stencil(source, normalStoreURL: storeURL, apiBase: context.apiBase)
    let merged = project.setting(
      accessToken: source.accessToken?.revealed ?? "", normalStoreURL: storeURL, apiHost: context.apiBase)
    return [
      Planned(
        path: secretsPath, shown: shown(secretsName), contents: merged.secrets.rendered(),
        expected: secretsExpected, keys: settings.filter(\.isSecret).map(\.key), holdsSecret: true),
      Planned(
        path: configPath, shown: shown(StencilProject.configFileName), contents: merged.config.rendered(),
        expected: configExpected, keys: settings.filter { !$0.isSecret }.map(\.key), holdsSecret: false),
    ]
  }

  /// The token `--storefront` names, checked: minted (storefront or private) for `store`, not revoked.
  private func storefrontToken(for source: Token, store: APIPath, context: CommandContext) throws(BcshError)
    -> Token?
  {
    guard let storefront else { return nil }
    let minted = try BcshError.placing(at: storefront.position) { () throws(BcshError) in
      try context.state.session.require(storefront.value)
    }
    guard let record = minted.storefront, minted.accessToken != nil else {
      throw BcshError(
        "'\(minted.name)' is not a minted storefront token", code: .invalidValue,
        hint: "'token mint NAME --from \(Word.typed(source.name)) --kind storefront ...' makes one",
        at: storefront.position)
    }
    guard record.kind != .impersonation else {
      throw BcshError(
        "'\(minted.name)' is a customer impersonation token; Catalyst reads a storefront or private token",
        code: .invalidValue, hint: "mint one with --kind private or --kind storefront",
        at: storefront.position)
    }
    guard record.revokedAt == nil else {
      throw BcshError(
        "'\(minted.name)' was revoked", code: .invalidValue, hint: "mint a new one", at: storefront.position)
    }
    if record.hasExpired(at: context.now) {
      context.warn(
        "'\(minted.name)' \(record.expiryPhrase(at: context.now)); the storefront will be refused with it",
        at: storefront.position, hint: "mint a new one and export again")
    }
    guard minted.apiPath == store else {
      throw BcshError(
        "'\(minted.name)' belongs to store '\(minted.apiPath?.identifier ?? "?")', but '\(source.name)' "
          + "to store '\(store.identifier)'",
        code: .invalidValue,
        hint: "a Catalyst project talks to one store: mint a token from '\(source.name)'",
        at: storefront.position)
    }
    return minted
  }
}
