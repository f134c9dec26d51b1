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
        "not a bcsh session file: the JSON is malformed (\(error.message))",
        at: SourceCursor.position(ofByte: error.offset, in: Array(text.utf8), source: source))
    }
    guard case .object = json else {
      throw BcshError("not a bcsh session file (expected a JSON object)", at: place)
    }
    guard json["format"]?.string == format else {
      throw BcshError(
        "not a bcsh session file (no \"format\": \"\(format)\")",
        hint: "'token import FILE' reads the control panel's .txt file", at: place)
    }
    guard let fileVersion = json["version"]?.integer, fileVersion >= 1 else {
      throw BcshError("the session file has no valid \"version\"", at: place)
    }
    guard fileVersion <= version else {
      throw BcshError(
        "the session file is version \(fileVersion); this bcsh reads up to version \(version)",
        hint: "upgrade bcsh", at: place)
    }
    // The header checked, the same value is decoded: the text is read once.
    let document: Document
    do {
      document = try JSONValueDecoder().decode(Document.self, from: json)
    } catch let error as DecodingError {
      throw BcshError("the session file is damaged: \(describe(error))", at: place)
    } catch let error as Session.DuplicateName {
      throw BcshError("the session file names token '\(error.name)' twice", at: place)
    } catch {
      throw BcshError("the session file is damaged", at: place)
    }
    try validate(document.session, place: place)
    if let keyring = document.keyring {
      for id in [keyring.id, keyring.generation] {
        guard !id.isEmpty, id.count <= 100, id.allSatisfy({ $0.isASCII && !$0.isWhitespace })
        else { throw BcshError("the session file's keyring id is not valid", at: place) }
      }
      for entry in keyring.secrets {
        guard document.session.token(named: entry.token) != nil,
          CredentialField(rawValue: entry.field)?.isSecret == true
        else {
          throw BcshError(
            "the session file's keyring lists '\(entry.token)' \(entry.field), which it does not hold",
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
        throw BcshError("the session file names token '\(token.name)' twice", at: place)
      }
      do throws(BcshError) { try Session.checkName(token.name) } catch {
        throw BcshError("the session file holds a token name bcsh refuses: \(error.message)", at: place)
      }
      // A drop-down scope holds one level; a checkbox scope each box once.
      let twice = token.grants.indices.dropFirst().contains { index in
        let (earlier, grant) = (token.grants[index - 1], token.grants[index])
        return earlier.scopeID == grant.scopeID
          && (earlier.level == grant.level || grant.scope?.choice != .checkboxes)
      }
      guard !twice else {
        throw BcshError("token '\(token.name)' declares a scope twice", at: place)
      }
      for grant in token.grants {
        guard let scope = grant.scope, scope.kind == token.kind, scope.offers(grant.level) else {
          throw BcshError(
            "token '\(token.name)' declares '\(grant.scopeID)=\(grant.level)', which is not a valid "
              + "\(token.kind)-level scope and level",
            at: place)
        }
      }
      try validateCredentials(of: token, place: place)
      try validateVerification(of: token, place: place)
      if let path = token.apiPath, path.kind != token.kind {
        throw BcshError("token '\(token.name)' has an API path of the wrong kind", at: place)
      }
    }
    if let current = session.currentName, !names.contains(current) {
      throw BcshError("the session file's current token '\(current)' does not exist", at: place)
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
        throw BcshError("token '\(token.name)': the \(field.rawValue) \(problem)", at: place)
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
        "token '\(token.name)': last_verify.date is not a date bcsh writes (YYYY-MM-DDTHH:MM:SSZ)", at: place)
    }
    guard record.summary.count <= 500,
      !record.summary.unicodeScalars.contains(where: ShownWord.isControl)
    else {
      throw BcshError(
        "token '\(token.name)': last_verify.summary is not one line of printable text (at most 500 characters)",
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

/// Notices credentials files about to be written into a git work tree that does not ignore them.
public enum GitExposure {
  /// Whether `path` lies in a git work tree and git would not ignore it. False when git is not
  /// installed or the folder is not in a work tree.
  public static func isTrackable(_ path: String) -> Bool {
    var folder = Paths.folder(of: path)
    var found = false
    for _ in 0..<64 {
      if FileManager.default.fileExists(atPath: folder + "/.git") {
        found = true
        break
      }
      if folder == "/" || folder.isEmpty || folder == "." { break }
      folder = Paths.folder(of: folder)
    }
    guard found else { return false }
    return run(
      ["/usr/bin/env", "git", "-C", Paths.folder(of: path)] + untrusting + ["check-ignore", "-q", "--", path])
      == 1
  }

  /// Options that keep a repository's own config from running programs: the folder may be anyone's
  /// clone, and its `.git/config` may name an fsmonitor, hooks, a pager or an editor. Config on the
  /// command line wins over every file. The system and global config stay read: they are the
  /// machine's and the user's, not the repository's, and the user's global excludes file is part of
  /// what git ignores.
  static let untrusting = [
    "--no-pager", "-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "core.pager=cat",
    "-c", "core.untrackedCache=false", "-c", "core.editor=false", "-c", "core.sshCommand=false",
    "-c", "core.askPass=", "-c", "credential.helper=", "-c", "diff.external=", "-c", "protocol.allow=never",
  ]

  /// The environment git runs in: the user's home and config folder (for the global excludes
  /// file) and PATH, nothing else (no `GIT_DIR`, `GIT_CONFIG_*` or `GIT_EXTERNAL_DIFF` that could
  /// send it elsewhere), with optional locks off so that it never writes the index (which would run
  /// the `post-index-change` hook) and no prompt.
  static var minimalEnvironment: [String] {
    var variables = ["GIT_OPTIONAL_LOCKS=0", "GIT_TERMINAL_PROMPT=0", "GIT_NO_REPLACE_OBJECTS=1", "LC_ALL=C"]
    for name in ["PATH", "HOME", "XDG_CONFIG_HOME"] {
      if let value = getenv(name) { variables.append("\(name)=\(String(cString: value))") }
    }
    return variables
  }

  /// Runs a program with its output discarded; its exit status, or nil when it could not start.
  private static func run(_ arguments: [String]) -> Int32? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv = arguments.map { strdup($0) }
    defer { argv.forEach { free($0) } }
    argv.append(nil)
    var pid = pid_t()
    var environment = minimalEnvironment.map { strdup($0) }
    defer { environment.forEach { free($0) } }
    environment.append(nil)
    guard posix_spawn(&pid, arguments[0], &actions, nil, argv, environment) == 0 else { return nil }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { return nil }
    }
    // WIFEXITED and WEXITSTATUS, which Swift does not import.
    return status & 0x7F == 0 ? (status >> 8) & 0xFF : nil
  }
}
