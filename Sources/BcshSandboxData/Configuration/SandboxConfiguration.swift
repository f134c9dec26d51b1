/// Everything the sandbox serves: stores, accounts, tokens, rate limits and injected latency.
///
/// Loadable from a JSON file with ``load(json:from:)``; in the file only `stores` and `tokens` are
/// required, the numbers default to the values below.
public struct SandboxConfiguration: Sendable, Codable, Equatable {
  public var stores: [SandboxStore]
  public var tokens: [SandboxToken]
  public var accounts: [SandboxAccount]
  /// Requests per window per store. Deliberately small (real stores allow 150 or 450) so that
  /// rate-limit handling shows up quickly.
  public var quota: Int
  /// Length of one fixed rate-limit window, in milliseconds.
  public var windowMilliseconds: Int
  /// Requests per hour per account on `/accounts/...`, as BigCommerce documents.
  public var accountQuotaPerHour: Int
  /// Delay injected before every response, in milliseconds.
  public var latencyMilliseconds: Int

  public static let defaultQuota = 40
  public static let defaultWindowMilliseconds = 30_000
  public static let defaultAccountQuotaPerHour = 70

  public init(
    stores: [SandboxStore], tokens: [SandboxToken], accounts: [SandboxAccount] = [],
    quota: Int = SandboxConfiguration.defaultQuota,
    windowMilliseconds: Int = SandboxConfiguration.defaultWindowMilliseconds,
    accountQuotaPerHour: Int = SandboxConfiguration.defaultAccountQuotaPerHour,
    latencyMilliseconds: Int = 0
  ) {
    self.stores = stores
    self.tokens = tokens
    self.accounts = accounts
    self.quota = quota
    self.windowMilliseconds = windowMilliseconds
    self.accountQuotaPerHour = accountQuotaPerHour
    self.latencyMilliseconds = latencyMilliseconds
  }

  private enum CodingKeys: String, CodingKey {
    case stores, tokens, accounts, quota, windowMilliseconds, accountQuotaPerHour, latencyMilliseconds
  }

  /// Decodes a configuration; `accounts` and the numbers are optional.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      stores: try container.decode([SandboxStore].self, forKey: .stores),
      tokens: try container.decode([SandboxToken].self, forKey: .tokens),
      accounts: try container.decodeIfPresent([SandboxAccount].self, forKey: .accounts) ?? [],
      quota: try container.decodeIfPresent(Int.self, forKey: .quota) ?? Self.defaultQuota,
      windowMilliseconds: try container.decodeIfPresent(Int.self, forKey: .windowMilliseconds)
        ?? Self.defaultWindowMilliseconds,
      accountQuotaPerHour: try container.decodeIfPresent(Int.self, forKey: .accountQuotaPerHour)
        ?? Self.defaultAccountQuotaPerHour,
      latencyMilliseconds: try container.decodeIfPresent(Int.self, forKey: .latencyMilliseconds) ?? 0
    )
  }

  /// The store with this hash, if any.
  public func store(hash: String) -> SandboxStore? {
    stores.first { $0.hash == hash }
  }

  /// The token with this access token, if any.
  public func token(accessToken: String) -> SandboxToken? {
    tokens.first { $0.accessToken == accessToken }
  }

  /// The token with this name, if any.
  public func token(named name: String) -> SandboxToken? {
    tokens.first { $0.name == name }
  }
}
