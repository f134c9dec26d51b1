import BcshModel

/// Which keys each tool reads, and the values a token gives them (docs/bigcommerce.md, "The tools'
/// credential files", where each key has its source).
public enum ToolKeys {
  /// The `BIGCOMMERCE_*` keys of `save --format env` and `export --for env`: the store hash (or
  /// account UUID), the credentials and the API path, those the token has.
  public static func env(_ token: Token) -> [ToolSetting] {
    let name = "'\(token.name)'"
    var settings: [ToolSetting] = []
    if case .store(let hash) = token.apiPath {
      settings.append(ToolSetting("BIGCOMMERCE_STORE_HASH", hash, what: "store hash of \(name)"))
    }
    if case .account(let uuid) = token.apiPath {
      settings.append(ToolSetting("BIGCOMMERCE_ACCOUNT_UUID", uuid, what: "account UUID of \(name)"))
    }
    settings += [accessToken(of: token), clientID(of: token), clientSecret(of: token)].compactMap { $0 }
    if let path = token.apiPath {
      settings.append(ToolSetting("BIGCOMMERCE_API_PATH", path.canonical, what: "API path of \(name)"))
    }
    return settings
  }

  /// Every key a Catalyst project reads that bcsh can fill: the storefront's (`core/client/index.ts`),
  /// customer login's (`core/auth/customer-login-api.ts`) and the `catalyst` CLI's (`deploy`,
  /// `link`).
  public static let catalyst = [
    "BIGCOMMERCE_STORE_HASH", "BIGCOMMERCE_CHANNEL_ID", "BIGCOMMERCE_STOREFRONT_TOKEN",
    "BIGCOMMERCE_CLIENT_ID",
    "BIGCOMMERCE_CLIENT_SECRET", "BIGCOMMERCE_ACCESS_TOKEN", "BIGCOMMERCE_API_HOST",
  ]

  /// Keys Catalyst once read, or that a Catalyst tool wrote, that the storefront does not read now,
  /// each with what to use instead.
  public static let catalystUnread: [(key: String, instead: String)] = [
    (
      "BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN",
      "BIGCOMMERCE_STOREFRONT_TOKEN (Catalyst stopped reading it in November 2024)"
    ),
    (
      "BIGCOMMERCE_STOREFRONT_API_TOKEN",
      "BIGCOMMERCE_STOREFRONT_TOKEN (one create-catalyst path writes this name; the storefront never reads it)"
    ),
  ]

  /// The keys a Catalyst project gets from an API account of a store and, optionally, a storefront
  /// or private token minted for that store (its first channel is the project's).
  /// - Parameter apiBase: the API base in use; a base other than production gives
  ///   `BIGCOMMERCE_API_HOST`, the host alone, as the `catalyst` CLI puts `https://` before it.
  public static func catalyst(
    _ token: Token, storeHash: String, storefront: Token?, apiBase: String
  ) -> [ToolSetting] {
    let name = "'\(token.name)'"
    var settings = [ToolSetting("BIGCOMMERCE_STORE_HASH", storeHash, what: "store hash of \(name)")]
    if let storefront, let record = storefront.storefront, let secret = storefront.accessToken {
      if let channel = record.channels.first {
        settings.append(
          ToolSetting("BIGCOMMERCE_CHANNEL_ID", String(channel), what: "channel of '\(storefront.name)'"))
      }
      settings.append(
        ToolSetting(
          "BIGCOMMERCE_STOREFRONT_TOKEN", secret.revealed, what: "storefront token '\(storefront.name)'",
          isSecret: true))
    }
    settings += [clientID(of: token), clientSecret(of: token), accessToken(of: token)].compactMap { $0 }
    if apiBase != APIBase.production, let host = apiBase.split(separator: "/").dropFirst().first {
      settings.append(ToolSetting("BIGCOMMERCE_API_HOST", String(host), what: "API host in use"))
    }
    return settings
  }

  /// The keys a stencil theme gets: `normalStoreUrl` and `apiHost` in `config.stencil.json`,
  /// `accessToken` in `secrets.stencil.json`.
  public static func stencil(_ token: Token, normalStoreURL: String, apiBase: String) -> [ToolSetting] {
    var settings = [
      ToolSetting("normalStoreUrl", normalStoreURL, what: "store URL"),
      ToolSetting("apiHost", apiBase, what: "API host in use"),
    ]
    if let secret = token.accessToken {
      settings.append(
        ToolSetting("accessToken", secret.revealed, what: "access token of '\(token.name)'", isSecret: true))
    }
    return settings
  }

  // The three credentials, each under the name Catalyst and `save --format env` share.

  private static func accessToken(of token: Token) -> ToolSetting? {
    token.accessToken.map {
      ToolSetting(
        "BIGCOMMERCE_ACCESS_TOKEN", $0.revealed, what: "access token of '\(token.name)'", isSecret: true)
    }
  }

  private static func clientID(of token: Token) -> ToolSetting? {
    token.clientID.map { ToolSetting("BIGCOMMERCE_CLIENT_ID", $0, what: "client ID of '\(token.name)'") }
  }

  private static func clientSecret(of token: Token) -> ToolSetting? {
    token.clientSecret.map {
      ToolSetting(
        "BIGCOMMERCE_CLIENT_SECRET", $0.revealed, what: "client secret of '\(token.name)'", isSecret: true)
    }
  }
}
