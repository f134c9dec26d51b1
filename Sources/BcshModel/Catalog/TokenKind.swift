/// Whether a token (and so each scope) belongs to one store or to the whole account.
public enum TokenKind: String, Sendable, Codable, CaseIterable {
  case store
  case account

  /// The other kind, for error messages that say where a scope does belong.
  public var other: TokenKind { self == .store ? .account : .store }
}
