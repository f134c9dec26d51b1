import BcshModel
import BcshPorts
import JSONText

/// A stencil-cli theme's credentials: `config.stencil.json` (settings, which a team may commit)
/// and `secrets.stencil.json` (the access token), merged into one object when stencil reads them
/// (stencil-cli `lib/StencilConfigManager.js`, docs/bigcommerce.md "The tools' credential files").
public struct StencilProject: Sendable, Equatable {
  public static let configFileName = "config.stencil.json"
  public static let secretsFileName = "secrets.stencil.json"
  /// The keys stencil keeps in the secrets file; every other key goes to the config file.
  public static let secretKeys = ["accessToken", "githubToken"]
  /// What `stencil init` writes when the config has none: the layouts stencil requires
  /// (`customLayouts`, without which it asks for `stencil init` again) and its default port.
  public static let initialConfig: [(String, JSONValue)] = [
    (
      "customLayouts",
      .object([
        ("brand", .object([])), ("category", .object([])), ("page", .object([])), ("product", .object([])),
      ])
    ),
    ("port", .number(3000)),
  ]

  /// Files a `secretsFileName` must never name: the project's own files, which a token written
  /// there would land in (and which teams commit).
  static let projectFiles: Set<String> = [
    configFileName, "package.json", "package-lock.json", "tsconfig.json", "jsconfig.json", "composer.json",
  ]

  /// The secrets file `config` (read from `source`) names: `secretsFileName` when it is set, else
  /// `secrets.stencil.json`. Only a plain file name in the folder, ending in `.json`, and none of
  /// the project's own files (`config.stencil.json`, `package.json`) is taken: the token is
  /// written to it. Anything else is an error at the config's line.
  public static func secretsFileName(in config: JSONSettingsDocument, source: String) throws(BcshError)
    -> String
  {
    guard let value = config["secretsFileName"] else { return secretsFileName }
    let line = config.lines["secretsFileName"] ?? 1
    guard let name = value.string else {
      throw BcshError(
        "secretsFileName is not a string", code: .invalidFile,
        hint: "name a file such as secrets.stencil.json",
        at: SourcePosition(source: source, line: line, column: 1))
    }
    if name.isEmpty { return secretsFileName }
    let plain =
      !name.contains("/") && !name.contains("\\") && name != "." && name != ".." && name.hasSuffix(".json")
      && name != ".json" && !name.unicodeScalars.contains(where: ShownWord.isControl)
      && !projectFiles.contains(name.lowercased())
    guard plain else {
      throw BcshError(
        "secretsFileName \(ShownWord.quoted(name)) is not a file bcsh writes a token to: it must be a plain "
          + "file name in this folder ending in .json, and none of the project's own files "
          + "(config.stencil.json, package.json)",
        code: .invalidFile, hint: "name a file of its own, such as secrets.stencil.json, or remove the key",
        at: SourcePosition(source: source, line: line, column: 1))
    }
    return name
  }

  public var config: JSONSettingsDocument
  public var secrets: JSONSettingsDocument

  public init(
    config: JSONSettingsDocument = JSONSettingsDocument(),
    secrets: JSONSettingsDocument = JSONSettingsDocument()
  ) {
    self.config = config
    self.secrets = secrets
  }

  /// What stencil reads: the config's keys, then the secrets' over them.
  public func value(_ key: String) -> JSONValue? { secrets[key] ?? config[key] }

  /// The store's address (`https://store-abc123.mybigcommerce.com` or its own domain).
  public var normalStoreURL: String? { value("normalStoreUrl")?.string }
  /// The API host stencil sends requests to; stencil takes `https://api.bigcommerce.com` when absent.
  public var apiHost: String? { value("apiHost")?.string }
  public var accessToken: String? { value("accessToken")?.string }

  /// The store hash `normalStoreUrl` carries when it is a `store-HASH.mybigcommerce.com` address
  /// (stencil itself asks the store, `/admin/oauth/info`, so any domain works there).
  public var storeHashFromURL: String? {
    guard let url = normalStoreURL?.lowercased() else { return nil }
    let host = url.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first ?? ""
    guard host.hasPrefix("store-") else { return nil }
    let hash = host.dropFirst(6).prefix { $0 != "." && $0 != "-" && $0 != ":" }
    guard !hash.isEmpty, hash.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
    return String(hash)
  }

  /// The project with the keys bcsh owns set, every other key kept in its place: `normalStoreUrl`
  /// and `apiHost` in the config (which gets `stencil init`'s `customLayouts` and `port` when it
  /// lacks them), `accessToken` in the secrets and not in the config (where stencil would read
  /// it too, from a file meant to be committable).
  public func setting(accessToken: String, normalStoreURL: String, apiHost: String) -> StencilProject {
    var config = self.config
    for (key, value) in Self.initialConfig where config[key] == nil {
      config = config.setting(key, value)
    }
    config = config.setting("normalStoreUrl", .string(normalStoreURL)).setting("apiHost", .string(apiHost))
      .removing("accessToken")
    return StencilProject(config: config, secrets: secrets.setting("accessToken", .string(accessToken)))
  }
}
