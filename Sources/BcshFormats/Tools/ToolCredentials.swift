import BcshModel
import BcshPorts

/// Credentials read back from a tool's own files, for `token import`: a `.env`/`.env.local`
/// (Catalyst, `export --for env`), a `.catalyst` file, or a stencil theme's
/// `secrets.stencil.json` with the `config.stencil.json` beside it. They come out as a
/// `CredentialsFile`, whose labels' lines point into the file that held each value.
public enum ToolCredentials {
  /// Which tool file a file name is; nil for anything else (the control panel's `.txt`).
  public enum Kind: Sendable, Equatable {
    case dotEnv, catalyst, stencil
  }

  /// The tool file `name` (the last component of a path) is, by name, or by content for a file
  /// whose name says nothing (`creds.env` is dotenv, a file with an `[auth]` table a `.catalyst`).
  public static func kind(ofFileNamed name: String, text: String) -> Kind? {
    if name == CatalystConfigFile.fileName { return .catalyst }
    if name == StencilProject.secretsFileName || name == StencilProject.configFileName { return .stencil }
    if name == ".env" || name.hasPrefix(".env.") || name.hasSuffix(".env") { return .dotEnv }
    if name.hasSuffix(".txt") { return nil }
    let lines = AtomicFile.withoutByteOrderMark(text).split(whereSeparator: \.isNewline).map {
      String($0).trimmingBlanks()
    }
    if lines.contains("[auth]") { return .catalyst }
    if lines.contains(where: {
      $0.hasPrefix("BIGCOMMERCE_ACCESS_TOKEN=") || $0.hasPrefix("export BIGCOMMERCE_")
    }) {
      return .dotEnv
    }
    return nil
  }

  /// A `.env` file's `BIGCOMMERCE_*` keys: the access token and store hash (or API path) it must
  /// hold, the client ID and secret it may.
  public static func dotEnv(_ text: String, source: String) throws(BcshError) -> CredentialsFile {
    let document = try DotEnvDocument.parse(text, source: source)
    func place(_ entry: DotEnvDocument.Entry) -> SourcePosition {
      SourcePosition(source: source, line: entry.line, column: entry.valueColumn)
    }
    var values: [String: (String, Int)] = [:]
    let labels = [
      ("BIGCOMMERCE_ACCESS_TOKEN", "ACCESS TOKEN"), ("BIGCOMMERCE_CLIENT_ID", "CLIENT ID"),
      ("BIGCOMMERCE_CLIENT_SECRET", "CLIENT SECRET"),
    ]
    for (key, label) in labels {
      guard let entry = document.entry(key), !entry.value.isEmpty else { continue }
      if let problem = CredentialValue.problem(with: entry.value) {
        throw BcshError("\(key) \(problem); a credential is one word", code: .invalidFile, at: place(entry))
      }
      values[label] = (entry.value, entry.line)
    }
    let path =
      [document.entry("BIGCOMMERCE_API_PATH"), document.entry("BIGCOMMERCE_STORE_HASH")].compactMap { $0 }
      .first { !$0.value.isEmpty }
    if let path { values["API PATH"] = (path.value, path.line) }
    return try credentials(
      values, source: source,
      missing: "BIGCOMMERCE_ACCESS_TOKEN and BIGCOMMERCE_STORE_HASH (or BIGCOMMERCE_API_PATH)")
  }

  /// A `.catalyst` file's `[auth]` table.
  public static func catalyst(_ text: String, source: String) throws(BcshError) -> CredentialsFile {
    let file = try CatalystConfigFile.parse(text, source: source)
    var values: [String: (String, Int)] = [:]
    if let token = file.accessToken, !token.isEmpty {
      let line = file.lines["accessToken"] ?? 1
      if let problem = CredentialValue.problem(with: token) {
        throw BcshError(
          "accessToken \(problem); a credential is one word", code: .invalidFile,
          at: SourcePosition(source: source, line: line, column: 1))
      }
      values["ACCESS TOKEN"] = (token, line)
    }
    if let hash = file.storeHash, !hash.isEmpty { values["API PATH"] = (hash, file.lines["storeHash"] ?? 1) }
    return try credentials(values, source: source, missing: "storeHash and accessToken in [auth]")
  }

  /// A stencil theme's access token (from its secrets file) and store (from `normalStoreUrl` when
  /// it is a `store-HASH` address; otherwise `API PATH` is empty for the caller to fill).
  public static func stencil(
    secrets: String, secretsSource: String, config: String?, configSource: String
  ) throws(BcshError) -> CredentialsFile {
    let secretsDocument = try JSONSettingsDocument.parse(secrets, source: secretsSource)
    let configDocument = try config.map { (text) throws(BcshError) in
      try JSONSettingsDocument.parse(text, source: configSource)
    }
    let project = StencilProject(config: configDocument ?? JSONSettingsDocument(), secrets: secretsDocument)
    let line = secretsDocument.lines["accessToken"] ?? 1
    guard let token = secretsDocument.string("accessToken"), !token.isEmpty else {
      throw BcshError(
        "no \"accessToken\" in \(secretsSource)", code: .invalidFile,
        hint: "stencil keeps the access token in secrets.stencil.json",
        at: SourcePosition(source: secretsSource, line: 1, column: 1))
    }
    if let problem = CredentialValue.problem(with: token) {
      throw BcshError(
        "accessToken \(problem); a credential is one word", code: .invalidFile,
        at: SourcePosition(source: secretsSource, line: line, column: 1))
    }
    var file = CredentialsFile(
      accessToken: token, clientName: nil, apiPath: project.storeHashFromURL ?? "", clientID: nil,
      clientSecret: nil)
    file.lines = ["ACCESS TOKEN": line, "API PATH": configDocument?.lines["normalStoreUrl"] ?? 1]
    return file
  }

  private static func credentials(
    _ values: [String: (String, Int)], source: String, missing: String
  ) throws(BcshError) -> CredentialsFile {
    guard let token = values["ACCESS TOKEN"], let path = values["API PATH"] else {
      throw BcshError(
        "missing \(missing)", code: .invalidFile, at: SourcePosition(source: source, line: 1, column: 1))
    }
    var file = CredentialsFile(
      accessToken: token.0, clientName: nil, apiPath: path.0, clientID: values["CLIENT ID"]?.0,
      clientSecret: values["CLIENT SECRET"]?.0)
    file.lines = values.mapValues(\.1)
    return file
  }
}
