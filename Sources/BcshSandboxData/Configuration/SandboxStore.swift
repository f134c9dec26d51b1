/// One store the sandbox serves under `/stores/{hash}/`.
public struct SandboxStore: Sendable, Codable, Equatable {
  /// The store hash, as in `/stores/{hash}/v3/`.
  public var hash: String
  public var name: String
  public var domain: String
  public var secureURL: String
  /// What `GET /v2/store` reports as `plan_name` (e.g. "Standard", "Plus", "Pro").
  public var planName: String
  /// What `GET /v2/store` reports as `status` (e.g. "live", "prelaunch").
  public var status: String
  /// The account that owns the store, reported as `account_uuid`.
  public var accountUUID: String?
  /// The store's coupon codes. None (the default) makes `GET /v2/coupons` answer 204 with no body,
  /// as real v2 lists do when empty.
  public var couponCodes: [String]

  public init(
    hash: String, name: String, domain: String? = nil, secureURL: String? = nil,
    planName: String = "Standard", status: String = "live", accountUUID: String? = nil,
    couponCodes: [String] = []
  ) {
    let domain = domain ?? "\(hash).example"
    self.hash = hash
    self.name = name
    self.domain = domain
    self.secureURL = secureURL ?? "https://\(domain)"
    self.planName = planName
    self.status = status
    self.accountUUID = accountUUID
    self.couponCodes = couponCodes
  }

  private enum CodingKeys: String, CodingKey {
    case hash, name, domain, secureURL, planName, status, accountUUID, couponCodes
  }

  /// Decodes a store; only `hash` and `name` are required.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      hash: try container.decode(String.self, forKey: .hash),
      name: try container.decode(String.self, forKey: .name),
      domain: try container.decodeIfPresent(String.self, forKey: .domain),
      secureURL: try container.decodeIfPresent(String.self, forKey: .secureURL),
      planName: try container.decodeIfPresent(String.self, forKey: .planName) ?? "Standard",
      status: try container.decodeIfPresent(String.self, forKey: .status) ?? "live",
      accountUUID: try container.decodeIfPresent(String.self, forKey: .accountUUID),
      couponCodes: try container.decodeIfPresent([String].self, forKey: .couponCodes) ?? []
    )
  }
}
