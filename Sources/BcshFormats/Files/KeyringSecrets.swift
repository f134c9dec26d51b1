import BcshModel
import BcshPorts

/// A session's secrets in the keyring: which items it owns, how they are named, and how a save
/// and an open move secrets between the session and the keyring.
///
/// A save whose secrets changed stores them as a new generation of items and writes the file that
/// lists that generation; a save that fails at any step removes the generation it began, so the
/// file on disk and the items it lists always agree.
///
/// A generation a file on disk has listed is never removed: any copy of that file (`cp a.json
/// b.json`, a backup) lists it too, and nothing tells bcsh where copies are. The one generation a
/// save removes is the one this same session stored earlier for the same file and has just
/// replaced there. A save whose secrets did not change keeps the generation the file lists, so
/// the keyring does not grow with saves that change only scopes or names.
public struct KeyringSecrets: Sendable, Equatable {
  /// The session's own id: every item it owns carries it, so that two session files with a token
  /// of the same name never share an item, and a session file can move.
  public var id: String
  /// The generation the file lists, nil before the first save.
  public var generation: String?
  /// Whether this session stored `generation` itself (rather than reading it from a file).
  public var storedHere: Bool
  /// The secrets the file lists that the keyring no longer holds.
  public var missing: [Entry]

  public init(id: String, generation: String? = nil, storedHere: Bool = false, missing: [Entry] = []) {
    self.id = id
    self.generation = generation
    self.storedHere = storedHere
    self.missing = missing
  }

  /// What the items of a session depend on: each secret with its token's name and API path.
  static func secretsKey(of session: Session) -> [String] {
    session.tokens.flatMap { token in
      fields.compactMap { field in
        token.secret(field).map {
          "\(token.name)\u{0}\(field.rawValue)\u{0}\($0.revealed)\u{0}\(token.apiPath?.canonical ?? "")"
        }
      }
    }
  }

  /// The manifest of `session` for the generation the file already lists, when its items still
  /// hold exactly the session's secrets (`saved` is the session as the file holds it); nil when
  /// a new generation must be stored.
  package func reusableManifest(for session: Session, saved: Session) -> SessionFile.KeyringManifest? {
    guard let generation, missing.isEmpty, Self.secretsKey(of: session) == Self.secretsKey(of: saved) else {
      return nil
    }
    let entries = session.tokens.flatMap { token in
      Self.fields.compactMap { field in
        token.secret(field) == nil ? nil : Entry(token: token.name, field: field.rawValue)
      }
    }
    return SessionFile.KeyringManifest(id: id, generation: generation, secrets: entries)
  }

  /// One secret a session file says lives in the keyring.
  public struct Entry: Sendable, Hashable, Codable {
    public var token: String
    public var field: String
  }

  /// "the access-token of 'a', the client-secret of 'b'": missing secrets for people.
  public static func describe(_ entries: [Entry]) -> String {
    entries.map { "the \($0.field) of '\($0.token)'" }.joined(separator: ", ")
  }

  /// The secret fields a token holds, in the order they are stored.
  public static let fields: [CredentialField] = [.accessToken, .clientSecret]

  /// What finds every item of one generation of this session.
  func generationAttributes(_ generation: String) -> [String: String] {
    ["application": "bcsh", "session": id, "generation": generation]
  }

  /// The attributes of one item: bcsh's, this session's and generation's, this token's and
  /// field's, and for people and `secret-tool`, the token's store hash or account UUID.
  func attributes(token: Token, field: CredentialField, generation: String) -> [String: String] {
    var attributes = generationAttributes(generation)
    attributes["token"] = token.name
    attributes["field"] = field.rawValue
    switch token.apiPath {
    case .store(let hash)?: attributes["store"] = hash
    case .account(let uuid)?: attributes["account"] = uuid
    case nil: break
    }
    return attributes
  }

  /// What finds one item again: the attributes that name it, whatever the token's path.
  func lookupAttributes(token: String, field: CredentialField, generation: String) -> [String: String] {
    generationAttributes(generation).merging(["token": token, "field": field.rawValue]) { _, new in new }
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

  /// Stores every secret of `session` as the items of `generation` and returns the manifest a
  /// session file lists. On failure the generation's items are removed again.
  package func store(_ session: Session, generation: String, in keyring: any SecretStoring) throws(BcshError)
    -> SessionFile.KeyringManifest
  {
    var entries: [Entry] = []
    do throws(BcshError) {
      for token in session.tokens {
        for field in Self.fields {
          guard let secret = token.secret(field) else { continue }
          try keyring.store(
            secret.revealed, label: Self.label(token: token, field: field),
            attributes: attributes(token: token, field: field, generation: generation))
          entries.append(Entry(token: token.name, field: field.rawValue))
        }
      }
    } catch {
      discard(generation, in: keyring)
      throw error
    }
    return SessionFile.KeyringManifest(id: id, generation: generation, secrets: entries)
  }

  /// Removes one generation's items, as far as the keyring lets it (a save that failed).
  package func discard(_ generation: String, in keyring: any SecretStoring) {
    try? keyring.remove(generationAttributes(generation))
  }

  /// Reads back the secrets a manifest lists into `session`; returns the entries the keyring no
  /// longer holds. A secret that is there but locked is an error, never a missing one.
  package func load(
    _ manifest: SessionFile.KeyringManifest, into session: inout Session, from keyring: any SecretStoring
  )
    throws(BcshError) -> [Entry]
  {
    var missing: [Entry] = []
    for entry in manifest.secrets {
      guard let field = CredentialField(rawValue: entry.field), field.isSecret,
        session.token(named: entry.token) != nil
      else { continue }
      let attributes = lookupAttributes(token: entry.token, field: field, generation: manifest.generation)
      guard let value = try keyring.lookup(attributes) else {
        guard try keyring.search(attributes).isEmpty else {
          throw BcshError(
            "the keyring holds the \(entry.field) of '\(entry.token)' but will not give it: the collection is locked",
            code: .keyring,
            hint:
              "unlock the keyring (log in again, or unlock it in the keyring manager), then open the file again"
          )
        }
        missing.append(entry)
        continue
      }
      // The keyring is read like every other way in: what it gives must pass as a credential.
      if let problem = CredentialValue.problem(with: value) {
        throw BcshError(
          "the keyring's \(entry.field) for '\(entry.token)' \(problem)", code: .keyring,
          hint: "'token set \(entry.field)' sets it again; 'save' stores it")
      }
      try session.update(entry.token) { $0.setSecret(field, Secret(value)) }
    }
    return missing
  }
}
