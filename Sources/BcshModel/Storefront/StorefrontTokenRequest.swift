import FoundationEssentials

/// The body of a create request for a storefront API token, checked against the reference's rules
/// before anything is sent (docs/bigcommerce.md, "GraphQL Storefront tokens"): whole Unix seconds
/// in the future, one channel as `channel_id` or several as `channel_ids` (never both), at most two
/// CORS origins and only for storefront tokens, scopes required for private tokens and refused for
/// the others.
public struct StorefrontTokenRequest: Sendable, Equatable {
  public var kind: StorefrontTokenKind
  public var channels: [Int]
  public var expiresAt: Int
  public var origins: [String]
  public var scopes: [StorefrontScope]

  /// The most CORS origins one token takes.
  public static let maximumOrigins = 2

  /// Where each part was written, so that an error stands at the word that causes it.
  public struct Places: Sendable {
    public var kind: SourcePosition?
    public var channels: [SourcePosition]
    public var expiry: SourcePosition?
    public var origins: [SourcePosition]
    public var scopes: [SourcePosition]

    public init(
      kind: SourcePosition? = nil, channels: [SourcePosition] = [], expiry: SourcePosition? = nil,
      origins: [SourcePosition] = [], scopes: [SourcePosition] = []
    ) {
      self.kind = kind
      self.channels = channels
      self.expiry = expiry
      self.origins = origins
      self.scopes = scopes
    }
  }

  /// A checked request; an error stands at the word of `places` that causes it.
  public init(
    kind: StorefrontTokenKind, channels: [Int], expiresAt: Int, origins: [String] = [],
    scopes: [StorefrontScope] = [], now: Date, places: Places = Places()
  ) throws(BcshError) {

    guard !channels.isEmpty else {
      throw BcshError(
        "a token needs at least one channel", code: .usage,
        hint: "--channel 1 is the store's first storefront", at: places.kind)
    }
    if let bad = channels.firstIndex(where: { $0 < 1 }) {
      throw BcshError(
        "channel \(channels[bad]) is not a channel id", code: .invalidValue,
        hint: "channel ids are whole numbers from 1", at: places.channels.dropFirst(bad).first)
    }
    var seen = Set<Int>()
    let unique = channels.filter { seen.insert($0).inserted }
    guard expiresAt > Int(now.timeIntervalSince1970) else {
      throw BcshError(
        "the expiry is not in the future", code: .invalidValue, hint: "write a length such as 30d",
        at: places.expiry)
    }
    switch kind {
    case .storefront:
      guard scopes.isEmpty else {
        throw BcshError(
          "storefront tokens have no scopes; only private tokens do", code: .usage,
          hint: "--kind private --scope Unauthenticated makes a server token with scopes",
          at: places.scopes.first)
      }
    case .private, .impersonation:
      guard origins.isEmpty else {
        throw BcshError(
          "only storefront tokens take CORS origins; \(kind == .private ? "a private" : "an impersonation") token is for servers",
          code: .usage,
          hint: "--kind storefront --origin URL makes a browser token", at: places.origins.first)
      }
      if kind == .impersonation, !scopes.isEmpty {
        throw BcshError(
          "customer impersonation tokens have no scopes; only private tokens do", code: .usage,
          hint: "drop --scope, or mint --kind private", at: places.scopes.first)
      }
      if kind == .private, scopes.isEmpty {
        throw BcshError(
          "a private token needs at least one scope", code: .usage,
          hint: "--scope Unauthenticated (store, catalog, cart, checkout), Customer, B2B", at: places.kind)
      }
    }
    guard origins.count <= Self.maximumOrigins else {
      throw BcshError(
        "a token takes at most \(Self.maximumOrigins) CORS origins, not \(origins.count)", code: .usage,
        hint: "mint one token for each pair of origins",
        at: places.origins.dropFirst(Self.maximumOrigins).first)
    }
    for (index, origin) in origins.enumerated() {
      try BcshError.placing(at: places.origins.dropFirst(index).first) { () throws(BcshError) in
        try Self.checkOrigin(origin)
      }
    }
    var seenScopes = Set<StorefrontScope>()
    self.kind = kind
    self.channels = unique
    self.expiresAt = expiresAt
    self.origins = origins
    self.scopes = scopes.filter { seenScopes.insert($0).inserted }
  }

  /// An origin as browsers send it: `https://host` or `http://host:port`, without a path.
  public static func checkOrigin(_ origin: String) throws(BcshError) {
    let hint = "write an origin such as https://www.example.com (scheme and host, no path)"
    let rest: Substring
    if origin.hasPrefix("https://") {
      rest = origin.dropFirst(8)
    } else if origin.hasPrefix("http://") {
      rest = origin.dropFirst(7)
    } else {
      throw BcshError(
        "\(ShownWord.quoted(origin)) is not an origin: it needs https://", code: .invalidValue, hint: hint)
    }
    let host = rest.hasSuffix("/") ? rest.dropLast() : rest
    guard !host.isEmpty,
      host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-.:[]".contains($0)) })
    else {
      throw BcshError("\(ShownWord.quoted(origin)) is not an origin", code: .invalidValue, hint: hint)
    }
  }

  /// The JSON body, keys in the reference's order.
  public var body: JSONValue {
    var fields: [(String, JSONValue)] = []
    if !origins.isEmpty { fields.append(("allowed_cors_origins", .array(origins.map { .string($0) }))) }
    if channels.count == 1 {
      fields.append(("channel_id", .number(channels[0])))
    } else {
      fields.append(("channel_ids", .array(channels.map { .number($0) })))
    }
    fields.append(("expires_at", .number(expiresAt)))
    if !scopes.isEmpty { fields.append(("scopes", .array(scopes.map { .string($0.rawValue) }))) }
    return .object(fields)
  }
}
