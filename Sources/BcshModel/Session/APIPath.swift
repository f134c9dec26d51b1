/// Where a token works: one store's REST/GraphQL root, or one account's GraphQL endpoint. Built
/// from any form users paste and always shown canonically.
public enum APIPath: Sendable, Hashable {
  case store(hash: String)
  case account(uuid: String)

  public static let host = "api.bigcommerce.com"

  public var kind: TokenKind {
    switch self {
    case .store: .store
    case .account: .account
    }
  }

  /// What the control panel shows: `https://api.bigcommerce.com/stores/HASH/v3/` or
  /// `https://api.bigcommerce.com/accounts/UUID/graphql`.
  public var canonical: String {
    switch self {
    case .store(let hash): "https://\(Self.host)/stores/\(hash)/v3/"
    case .account(let uuid): "https://\(Self.host)/accounts/\(uuid)/graphql"
    }
  }

  /// The store hash or account UUID alone.
  public var identifier: String {
    switch self {
    case .store(let hash): hash
    case .account(let uuid): uuid
    }
  }
}

extension APIPath: Codable {
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    do {
      self = try APIPath.parse(text)
    } catch {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: error.message))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(canonical)
  }
}
