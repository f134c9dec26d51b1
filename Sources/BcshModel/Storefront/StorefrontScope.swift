/// A private token's GraphQL access scope. Scopes are independent: none implies another.
public enum StorefrontScope: String, Sendable, CaseIterable, Codable {
  case unauthenticated = "Unauthenticated"
  case customer = "Customer"
  case b2b = "B2B"

  /// The scope written as the API spells it, case aside: `customer` reads as `Customer`.
  public init?(spelling: String) {
    guard let scope = Self.allCases.first(where: { $0.rawValue.lowercased() == spelling.lowercased() }) else {
      return nil
    }
    self = scope
  }
}
