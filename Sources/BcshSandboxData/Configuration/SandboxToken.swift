/// One API account's credentials and the scopes it was created with.
///
/// A store-level token has a `storeHash` and works only on that store's REST paths. An account-level
/// token has an `accountUUID` and no `storeHash`, and works only on that account's GraphQL endpoint.
public struct SandboxToken: Sendable, Codable, Equatable {
  /// The API account's name, as shown in the control panel.
  public var name: String
  /// The value clients send in `X-Auth-Token`.
  public var accessToken: String
  public var clientID: String
  public var clientSecret: String
  /// The store a store-level token belongs to; `nil` for an account-level token.
  public var storeHash: String?
  /// The account an account-level token belongs to.
  public var accountUUID: String?
  /// Token strings as the API uses them (`store_v2_products`, `store_v2_orders_read_only`, ...).
  public var scopes: [String]

  public init(
    name: String, accessToken: String, clientID: String = "", clientSecret: String = "",
    storeHash: String? = nil, accountUUID: String? = nil, scopes: [String] = []
  ) {
    self.name = name
    self.accessToken = accessToken
    self.clientID = clientID
    self.clientSecret = clientSecret
    self.storeHash = storeHash
    self.accountUUID = accountUUID
    self.scopes = scopes
  }

  /// Whether this is an account-level token (no store, an account).
  public var isAccountLevel: Bool { storeHash == nil && accountUUID != nil }

  private enum CodingKeys: String, CodingKey {
    case name, accessToken, clientID, clientSecret, storeHash, accountUUID, scopes
  }

  /// Decodes a token; only `name` and `accessToken` are required.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      name: try container.decode(String.self, forKey: .name),
      accessToken: try container.decode(String.self, forKey: .accessToken),
      clientID: try container.decodeIfPresent(String.self, forKey: .clientID) ?? "",
      clientSecret: try container.decodeIfPresent(String.self, forKey: .clientSecret) ?? "",
      storeHash: try container.decodeIfPresent(String.self, forKey: .storeHash),
      accountUUID: try container.decodeIfPresent(String.self, forKey: .accountUUID),
      scopes: try container.decodeIfPresent([String].self, forKey: .scopes) ?? []
    )
  }
}
