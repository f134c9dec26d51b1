/// The capability to keep secrets in the OS keyring (the Secret Service on Linux). Items are found
/// by their attributes; every call may fail with a message that says what was tried.
public protocol SecretStoring: Sendable {
  /// Stores `secret` under `attributes`, replacing an item that has the same attributes.
  func store(_ secret: String, label: String, attributes: [String: String]) throws(BcshError)
  /// The secret of the item with exactly these attributes, or nil when there is none.
  func lookup(_ attributes: [String: String]) throws(BcshError) -> String?
  /// The attributes of every item that has these attributes (and maybe more).
  func search(_ attributes: [String: String]) throws(BcshError) -> [[String: String]]
  /// Removes every item with these attributes.
  func remove(_ attributes: [String: String]) throws(BcshError)
}

/// A session's secrets in the keyring: which items it owns, how they are named, and how a save
/// and an open move secrets between the session and the keyring.
public struct KeyringSecrets: Sendable, Equatable {
  /// The session's own id: every item it owns carries it, so that two session files with a token
  /// of the same name never share an item, and a session file can move.
  public var id: String

  public init(id: String) { self.id = id }

  /// One secret a session file says lives in the keyring.
  public struct Entry: Sendable, Hashable, Codable {
    public var token: String
    public var field: String
  }

  /// The secret fields a token holds, in the order they are stored.
  public static let fields: [CredentialField] = [.accessToken, .clientSecret]

  static func value(of field: CredentialField, in token: Token) -> Secret? {
    field == .accessToken ? token.accessToken : token.clientSecret
  }

  /// The attributes that name one item: bcsh's, this session's, this token's, this field's.
  func attributes(token: Token, field: CredentialField) -> [String: String] {
    var attributes = ["application": "bcsh", "session": id, "token": token.name, "field": field.rawValue]
    switch token.apiPath {
    case .store(let hash)?: attributes["store"] = hash
    case .account(let uuid)?: attributes["account"] = uuid
    case nil: break
    }
    return attributes
  }

  /// What a person sees in a keyring manager: "bcsh: cart-migration access token (store abc123)".
  static func label(token: Token, field: CredentialField) -> String {
    let what = field == .accessToken ? "access token" : "client secret"
    let place =
      switch token.apiPath {
      case .store(let hash)?: " (store \(hash))"
      case .account(let uuid)?: " (account \(uuid))"
      case nil: ""
      }
    return "bcsh: \(token.name) \(what)\(place)"
  }

  /// Puts every secret of `session` into the keyring and returns the entries a session file lists.
  /// Nothing is written to the file before this succeeds.
  func store(_ session: Session, in keyring: any SecretStoring) throws(BcshError) -> [Entry] {
    var entries: [Entry] = []
    for token in session.tokens {
      for field in Self.fields {
        guard let secret = Self.value(of: field, in: token) else { continue }
        try keyring.store(
          secret.revealed, label: Self.label(token: token, field: field),
          attributes: attributes(token: token, field: field))
        entries.append(Entry(token: token.name, field: field.rawValue))
      }
    }
    return entries
  }

  /// Removes this session's items that `session` no longer holds (tokens removed or renamed, a path
  /// changed, a secret dropped since the last save). Runs after the file is written, so a crash
  /// leaves an extra item, never a missing one.
  func removeStale(keeping session: Session, in keyring: any SecretStoring) throws(BcshError) {
    var current: Set<[String: String]> = []
    for token in session.tokens {
      for field in Self.fields where Self.value(of: field, in: token) != nil {
        current.insert(attributes(token: token, field: field))
      }
    }
    for item in try keyring.search(["application": "bcsh", "session": id]) {
      let own = item.filter { Self.attributeNames.contains($0.key) }
      if !current.contains(own) { try keyring.remove(own) }
    }
  }

  /// The attributes bcsh sets on its items.
  public static let attributeNames: Set<String> = [
    "application", "session", "token", "field", "store", "account",
  ]

  /// Reads back the secrets `entries` lists into `session`; returns the entries the keyring no
  /// longer holds.
  func load(_ entries: [Entry], into session: inout Session, from keyring: any SecretStoring)
    throws(BcshError) -> [Entry]
  {
    var missing: [Entry] = []
    for entry in entries {
      guard let field = CredentialField(rawValue: entry.field), field.isSecret,
        let token = session.token(named: entry.token)
      else { continue }
      guard let value = try keyring.lookup(attributes(token: token, field: field)) else {
        missing.append(entry)
        continue
      }
      try session.update(token.name) { token in
        if field == .accessToken {
          token.accessToken = Secret(value)
        } else {
          token.clientSecret = Secret(value)
        }
      }
    }
    return missing
  }
}
