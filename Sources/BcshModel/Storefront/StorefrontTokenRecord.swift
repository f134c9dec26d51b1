import FoundationEssentials

/// What bcsh recorded when it minted a GraphQL Storefront API token: the token a session holds
/// beside the store-level and account-level API accounts. Its secret is the token's
/// `accessToken`, so it is masked, kept in the keyring and saved 0600 like every other secret;
/// its store is the token's `apiPath`.
public struct StorefrontTokenRecord: Sendable, Equatable, Codable {
  public var kind: StorefrontTokenKind
  public var channels: [Int]
  /// Unix seconds.
  public var expiresAt: Int
  /// CORS origins (storefront tokens only).
  public var origins: [String]
  /// GraphQL scopes (private tokens only).
  public var scopes: [StorefrontScope]
  /// Unix seconds.
  public var mintedAt: Int
  /// The name of the API account (a token of the session) that minted it.
  public var mintedFrom: String
  /// The channel's storefront address (`https://shop.example.com`) when the minting account could
  /// read it from `/v3/sites`.
  public var site: String?
  /// Unix seconds; set by `token revoke`.
  public var revokedAt: Int?

  public init(
    kind: StorefrontTokenKind, channels: [Int], expiresAt: Int, origins: [String] = [],
    scopes: [StorefrontScope] = [], mintedAt: Int, mintedFrom: String, site: String? = nil
  ) {
    self.kind = kind
    self.channels = channels
    self.expiresAt = expiresAt
    self.origins = origins
    self.scopes = scopes
    self.mintedAt = mintedAt
    self.mintedFrom = mintedFrom
    self.site = site
  }

  /// The record of a token minted from `request`.
  public init(_ request: StorefrontTokenRequest, mintedAt: Int, mintedFrom: String, site: String?) {
    self.init(
      kind: request.kind, channels: request.channels, expiresAt: request.expiresAt, origins: request.origins,
      scopes: request.scopes, mintedAt: mintedAt, mintedFrom: mintedFrom, site: site)
  }

  /// Where it may be used at `now`.
  public func usage(at now: Date) -> StorefrontUsage {
    StorefrontUsage.of(kind, created: Date(timeIntervalSince1970: Double(mintedAt)), at: now)
  }

  /// Whole days from `now` to the expiry: negative once it has passed.
  public func daysLeft(at now: Date) -> Int {
    let seconds = expiresAt - Int(now.timeIntervalSince1970.rounded(.down))
    return seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
  }

  public func hasExpired(at now: Date) -> Bool { Double(expiresAt) <= now.timeIntervalSince1970 }

  /// "in 30 days", "in 5 hours", "expired 3 days ago": days to the nearest whole one (a token
  /// minted for 30d reads "in 30 days" just after, not "in 29 days"), hours under a day.
  public func expiryPhrase(at now: Date) -> String {
    let seconds = expiresAt - Int(now.timeIntervalSince1970.rounded(.down))
    let distance = abs(seconds)
    let amount =
      distance >= 86_400
      ? Counted.text((distance + 43_200) / 86_400, "day")
      : distance >= 3600 ? Counted.text(distance / 3600, "hour") : nil
    guard seconds > 0 else { return amount.map { "expired \($0) ago" } ?? "expired less than an hour ago" }
    return amount.map { "in \($0)" } ?? "in less than an hour"
  }

  /// The tokens expiring within this many days get a warning (`status`, `doctor`).
  public static let warningDays = 14

  /// Whether it has expired or expires within `warningDays`.
  public func lapsesSoon(at now: Date) -> Bool { daysLeft(at: now) < Self.warningDays }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    kind = try container.decode(StorefrontTokenKind.self, forKey: .kind)
    channels = try container.decode([Int].self, forKey: .channels)
    expiresAt = try container.decode(Int.self, forKey: .expiresAt)
    origins = try container.decodeIfPresent([String].self, forKey: .origins) ?? []
    scopes = try container.decodeIfPresent([StorefrontScope].self, forKey: .scopes) ?? []
    mintedAt = try container.decode(Int.self, forKey: .mintedAt)
    mintedFrom = try container.decode(String.self, forKey: .mintedFrom)
    site = try container.decodeIfPresent(String.self, forKey: .site)
    revokedAt = try container.decodeIfPresent(Int.self, forKey: .revokedAt)
    // Times outside 1970 through 9999 are no times (a hand-edited file): refused, not computed on.
    for (time, key) in [
      (expiresAt, CodingKeys.expiresAt), (mintedAt, .mintedAt), (revokedAt ?? 0, .revokedAt),
    ]
    where !TokenExpiry.plausible.contains(time) {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: container, debugDescription: "\(key.rawValue) is not a time from 1970 through 9999")
    }
    if channels.contains(where: { $0 < 1 }) || channels.isEmpty {
      throw DecodingError.dataCorruptedError(
        forKey: .channels, in: container, debugDescription: "channels must be channel ids from 1")
    }
  }

  enum CodingKeys: String, CodingKey {
    case kind, channels, origins, scopes, site
    case expiresAt = "expires_at"
    case mintedAt = "minted_at"
    case mintedFrom = "minted_from"
    case revokedAt = "revoked_at"
  }
}
