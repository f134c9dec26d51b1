import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import FoundationEssentials

/// What `exec` runs: the program's words, and the environment it gets (bcsh's own, without the
/// `BIGCOMMERCE_*` variables it had, with the tool's keys); the keys reach no file and no
/// argument list.
public struct ExecPlan: Sendable {
  public var arguments: [String]
  /// The keys handed over, in the order the tool's documentation lists them.
  public var keys: [(name: String, value: String)]
  /// Every `NAME=VALUE` entry the program gets.
  public var environment: [String]
  /// What the user should hear before the program runs: a browser-only storefront token handed
  /// to a server's tool.
  public var warnings: [String] = []

  /// The plan for running `arguments` with `tool`'s keys from `token` (and `storefront`'s token),
  /// or with the variables of an `--env-file` template instead (`template`), in an environment
  /// made of `inherited` without its `BIGCOMMERCE_*` variables.
  public static func make(
    _ arguments: [String], tool: ExecTool, token: Token, storefront: Token?,
    template: [(name: String, value: String)]? = nil, apiBase: String, now: Date, inherited: [String: String]
  ) throws(BcshError) -> ExecPlan {
    let keys: [(name: String, value: String)]
    if let template {
      keys = template
    } else {
      keys = try ExecPlan.keys(for: tool, token: token, storefront: storefront, apiBase: apiBase, now: now)
    }
    let kept = inherited.filter { !$0.key.hasPrefix("BIGCOMMERCE_") }.sorted { $0.key < $1.key }
    var plan = ExecPlan(
      arguments: arguments, keys: keys,
      environment: kept.map { "\($0.key)=\($0.value)" } + keys.map { "\($0.name)=\($0.value)" })
    if template == nil, tool == .catalyst, let storefront, storefront.storefront?.usage(at: now) == .browser {
      plan.warnings.append(
        "storefront token '\(storefront.name)' works from browsers only (created after 2026-06-30), and "
          + "Catalyst's server code sends it server to server: mint a private token for it "
          + "(token mint NAME --from API_TOKEN --kind private --scope Unauthenticated ...)")
    }
    return plan
  }

  /// The variables `tool` reads, from `token` and the storefront token.
  static func keys(
    for tool: ExecTool, token: Token, storefront: Token?, apiBase: String, now: Date
  ) throws(BcshError) -> [(name: String, value: String)] {
    if tool == .stencil {
      throw BcshError(
        "stencil reads its credentials only from its files (config.stencil.json, secrets.stencil.json), "
          + "not from its environment", code: .unsupported,
        hint:
          "'export \(token.name) --for stencil' writes them (0600, refused where git would not ignore them)")
    }
    if token.storefront != nil {
      throw BcshError(
        "'\(token.name)' is a storefront token, not an API account", code: .invalidValue,
        hint: "give the store's API account as TOKEN and this one as --storefront \(token.name)")
    }
    guard token.accessToken != nil, let path = token.apiPath else {
      throw BcshError(
        "'\(token.name)' has no \(token.apiPath == nil ? "API path" : "access token") yet", code: .notReady,
        hint: token.apiPath == nil ? "'path set VALUE' sets it" : "'token set access-token' sets it")
    }
    switch tool {
    case .bigcommerce, .stencil:
      guard storefront == nil else {
        throw BcshError(
          "--storefront goes with --for catalyst", code: .usage,
          hint: "the bigcommerce keys carry no storefront token")
      }
      return ToolKeys.env(token).map { ($0.key, $0.value) }
    case .catalyst:
      guard case .store(let hash) = path else {
        throw BcshError(
          "Catalyst needs a store-level API account; '\(token.name)' is account-level", code: .invalidValue)
      }
      if let storefront { _ = try usable(storefront, of: hash, now: now) }
      return ToolKeys.catalyst(token, storeHash: hash, storefront: storefront, apiBase: apiBase).map {
        ($0.key, $0.value)
      }
    }
  }

  /// The storefront token's record, when it is one, of the same store, and neither revoked nor
  /// expired.
  private static func usable(_ token: Token, of hash: String, now: Date) throws(BcshError)
    -> StorefrontTokenRecord
  {
    guard let record = token.storefront else {
      throw BcshError(
        "'\(token.name)' is not a storefront token", code: .invalidValue,
        hint: "'token mint NAME --from API_TOKEN --kind storefront ...' makes one")
    }
    guard case .store(let own)? = token.apiPath, own == hash else {
      throw BcshError(
        "storefront token '\(token.name)' belongs to another store than the API account's (\(hash))",
        code: .invalidValue, hint: "give a storefront token minted for store \(hash)")
    }
    if record.revokedAt != nil {
      throw BcshError(
        "storefront token '\(token.name)' was revoked", code: .invalidValue,
        hint: "'token mint' makes a new one")
    }
    if record.hasExpired(at: now) {
      throw BcshError(
        "storefront token '\(token.name)' has expired (\(record.expiryPhrase(at: now)))",
        code: .invalidValue, hint: "'token mint' makes a new one")
    }
    guard token.accessToken != nil else {
      throw BcshError("storefront token '\(token.name)' has no token yet", code: .notReady)
    }
    return record
  }
}

extension Shell {
  /// The plan of `bcsh exec`, on the session this shell opened: the outer command runs it.
  public func execPlan(
    _ arguments: [String], token name: String, tool: ExecTool, storefront: String?, envFile: String?
  ) throws(BcshError) -> ExecPlan {
    let session = state.session
    let token = try session.require(name)
    let storefrontToken: Token? =
      if let storefront { try session.require(storefront) } else { nil }
    var template: [(name: String, value: String)]?
    if let envFile {
      let text = try environment.ports.files.read(environment.resolve(envFile), shownAs: envFile)
      template = try EnvTemplate.resolve(text, source: envFile, session: session)
    }
    return try ExecPlan.make(
      arguments, tool: tool, token: token, storefront: storefrontToken, template: template,
      apiBase: environment.apiBase, now: environment.ports.now(), inherited: environment.variables)
  }
}
