import BcshModel
import BcshPorts
import FoundationEssentials
import JSONText

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The session file: versioned JSON holding every token, written 0600.
public enum SessionFile {
  public static let format = "bcsh-session"
  public static let version = 1

  private struct Document: Codable {
    var format: String
    var version: Int
    var session: Session
    /// Present when the secrets live in the OS keyring instead of this file.
    var keyring: KeyringManifest?
  }

  /// The keyring part of a session file: the session's id there and which secrets it keeps.
  public struct KeyringManifest: Sendable, Equatable, Codable {
    public var id: String
    /// The save whose items hold the secrets (see `KeyringSecrets`).
    public var generation: String
    public var secrets: [KeyringSecrets.Entry]

    public init(id: String, generation: String, secrets: [KeyringSecrets.Entry]) {
      self.id = id
      self.generation = generation
      self.secrets = secrets
    }
  }

  /// The file's text. With `keyring`, the secrets are left out: the manifest says where they are.
  public static func rendered(_ session: Session, keyring: KeyringManifest? = nil) -> String {
    var stored = session
    if keyring != nil {
      for token in session.tokens {
        try? stored.update(token.name) { token in
          token.accessToken = nil
          token.clientSecret = nil
        }
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let document = Document(format: format, version: version, session: stored, keyring: keyring)
    let data = try! encoder.encode(document)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// Reads a session file's text; `source` names it in errors.
  public static func parse(_ text: String, source: String) throws(BcshError) -> Session {
    try parseDocument(text, source: source).session
  }

  /// Reads a session file's text with its keyring manifest, if the secrets live in the keyring.
  public static func parseDocument(_ text: String, source: String) throws(BcshError) -> (
    session: Session, keyring: KeyringManifest?
  ) {
    let place = SourcePosition(source: source, line: 1, column: 1)
    let json: JSONValue
    do throws(JSONReadError) {
      json = try JSONReader.value(text.utf8)
    } catch {
      throw BcshError(
        "not a bcsh session file: the JSON is malformed (\(error.message))", code: .invalidFile,
        at: SourceCursor.position(ofByte: error.offset, in: Array(text.utf8), source: source), cause: error)
    }
    guard case .object = json else {
      throw BcshError("not a bcsh session file (expected a JSON object)", code: .invalidFile, at: place)
    }
    guard json["format"]?.string == format else {
      throw BcshError(
        "not a bcsh session file (no \"format\": \"\(format)\")", code: .invalidFile,
        hint: "'token import FILE' reads the control panel's .txt file", at: place)
    }
    guard let fileVersion = json["version"]?.integer, fileVersion >= 1 else {
      throw BcshError("the session file has no valid \"version\"", code: .invalidFile, at: place)
    }
    guard fileVersion <= version else {
      throw BcshError(
        "the session file is version \(fileVersion); this bcsh reads up to version \(version)",
        code: .invalidFile,
        hint: "upgrade bcsh", at: place)
    }
    // The header checked, the same value is decoded: the text is read once.
    let document: Document
    do {
      document = try JSONValueDecoder().decode(Document.self, from: json)
    } catch let error as DecodingError {
      throw BcshError(
        "the session file is damaged: \(describe(error))", code: .invalidFile, at: place, cause: error)
    } catch let error as Session.DuplicateName {
      throw BcshError(
        "the session file names token '\(error.name)' twice", code: .invalidFile, at: place, cause: error)
    } catch {
      throw BcshError("the session file is damaged", code: .invalidFile, at: place, cause: error)
    }
    try validate(document.session, place: place)
    if let keyring = document.keyring {
      for id in [keyring.id, keyring.generation] {
        guard !id.isEmpty, id.count <= 100, id.allSatisfy({ $0.isASCII && !$0.isWhitespace })
        else { throw BcshError("the session file's keyring id is not valid", code: .invalidFile, at: place) }
      }
      for entry in keyring.secrets {
        guard document.session.token(named: entry.token) != nil,
          CredentialField(rawValue: entry.field)?.isSecret == true
        else {
          throw BcshError(
            "the session file's keyring lists '\(entry.token)' \(entry.field), which it does not hold",
            code: .invalidFile,
            at: place)
        }
      }
    }
    return (document.session, document.keyring)
  }

  /// Checks what JSON decoding cannot: known scopes and levels of the token's kind, unique names.
  private static func validate(_ session: Session, place: SourcePosition) throws(BcshError) {
    var names: Set<String> = []
    for token in session.tokens {
      guard names.insert(token.name).inserted else {
        throw BcshError("the session file names token '\(token.name)' twice", code: .invalidFile, at: place)
      }
      do throws(BcshError) { try Session.checkName(token.name) } catch {
        throw BcshError(
          "the session file holds a token name bcsh refuses: \(error.message)", code: .invalidFile, at: place,
          cause: error)
      }
      // A drop-down scope holds one level; a checkbox scope each box once.
      let twice = token.grants.indices.dropFirst().contains { index in
        let (earlier, grant) = (token.grants[index - 1], token.grants[index])
        return earlier.scopeID == grant.scopeID
          && (earlier.level == grant.level || grant.scope?.choice != .checkboxes)
      }
      guard !twice else {
        throw BcshError("token '\(token.name)' declares a scope twice", code: .invalidFile, at: place)
      }
      for grant in token.grants {
        guard let scope = grant.scope, scope.kind == token.kind, scope.offers(grant.level) else {
          throw BcshError(
            "token '\(token.name)' declares '\(grant.scopeID)=\(grant.level)', which is not a valid "
              + "\(token.kind)-level scope and level", code: .invalidFile,
            at: place)
        }
      }
      try validateCredentials(of: token, place: place)
      try validateVerification(of: token, place: place)
      if let path = token.apiPath, path.kind != token.kind {
        throw BcshError(
          "token '\(token.name)' has an API path of the wrong kind", code: .invalidFile, at: place)
      }
    }
    if let current = session.currentName, !names.contains(current) {
      throw BcshError(
        "the session file's current token '\(current)' does not exist", code: .invalidFile, at: place)
    }
  }

  /// The credentials must pass what `token set` checks: a value with a newline would otherwise
  /// become an extra line in a `save --format txt` or `env` file.
  private static func validateCredentials(of token: Token, place: SourcePosition) throws(BcshError) {
    let fields: [(CredentialField, String?)] = [
      (.accessToken, token.accessToken?.revealed), (.clientID, token.clientID),
      (.clientSecret, token.clientSecret?.revealed),
    ]
    for case (let field, let value?) in fields {
      if let problem = CredentialValue.problem(with: value) {
        throw BcshError(
          "token '\(token.name)': the \(field.rawValue) \(problem)", code: .invalidFile, at: place)
      }
    }
  }

  /// A last verify result is what bcsh wrote: an ISO 8601 date in UTC and one printable line. The
  /// file may come from anyone, and both are shown in `token list` and `status`.
  private static func validateVerification(of token: Token, place: SourcePosition) throws(BcshError) {
    guard let record = token.lastVerification else { return }
    let shape = Array("0000-00-00T00:00:00Z".utf8)
    let date = Array(record.date.utf8)
    let isDate =
      date.count == shape.count
      && zip(date, shape).allSatisfy { byte, expected in
        expected == UInt8(ascii: "0")
          ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) : byte == expected
      }
    guard isDate else {
      throw BcshError(
        "token '\(token.name)': last_verify.date is not a date bcsh writes (YYYY-MM-DDTHH:MM:SSZ)",
        code: .invalidFile, at: place)
    }
    guard record.summary.count <= 500,
      !record.summary.unicodeScalars.contains(where: ShownWord.isControl)
    else {
      throw BcshError(
        "token '\(token.name)': last_verify.summary is not one line of printable text (at most 500 characters)",
        code: .invalidFile,
        at: place)
    }
  }

  private static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
    switch error {
    case .keyNotFound(let key, let context): return "missing \"\(key.stringValue)\" at \(path(context))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      return "\(context.debugDescription) at \(path(context))"
    @unknown default: return "\(error)"
    }
  }
}
