import BcshModel
import BcshPorts
import FoundationEssentials

/// `doctor`'s checks: reads each credential file of a project folder and finds the mistakes that
/// leak or break credentials. It never keeps or shows a secret: findings name keys and lines.
public struct ProjectDoctor {
  public var files: any FileReading
  public var git: GitExposure
  /// The process environment, for variables that override the files.
  public var environment: [String: String]
  public var now: Date
  /// The kinds of the storefront tokens the session minted, by their text: a token's own claims
  /// do not say whether it is a storefront or a private token, the session's record does.
  public var mintedKinds: [String: StorefrontTokenKind] = [:]

  public init(files: any FileReading, git: GitExposure, environment: [String: String], now: Date) {
    self.files = files
    self.git = git
    self.environment = environment
    self.now = now
  }

  /// A credential a file holds, for `--verify`: its access token and store hash.
  public struct Credential: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var storeHash: String
    public var accessToken: String
  }

  /// What one file says: where it keeps a secret, which store it names, its credentials.
  struct FileFacts {
    var secretLine: Int?
    var stores: [(hash: String, line: Int)] = []
    var credentials: [Credential] = []
    var findings: [DoctorFinding] = []
  }

  /// Checks the folder `root`, shown as `shownRoot`.
  public func check(_ root: String, shownAs shownRoot: String) throws(BcshError) -> (
    report: DoctorReport, credentials: [Credential]
  ) {
    var report = DoctorReport()
    let (found, unchecked) = try ProjectFiles.walk(root, shownAs: shownRoot, files: files)
    report.unchecked = unchecked
    var stores: [(hash: String, place: String)] = []
    var credentials: [Credential] = []
    var overridden: Set<String> = []
    for file in found {
      let text: String
      do throws(BcshError) {
        text = try files.read(file.path, shownAs: file.shown)
      } catch {
        report.unchecked.append("\(file.shown): \(error.message)")
        continue
      }
      let facts: FileFacts
      do throws(BcshError) {
        guard let read = try self.facts(of: file, text: text, overridden: &overridden) else { continue }
        facts = read
      } catch {
        report.unchecked.append("\(error.position.map { "\($0)" } ?? file.shown): \(error.message)")
        continue
      }
      report.files.append(file.shown)
      report.findings += facts.findings
      if let line = facts.secretLine { report.findings += exposure(of: file, line: line) }
      stores += facts.stores.map { ($0.hash, "\(file.shown):\($0.line)") }
      credentials += facts.credentials
    }
    let hashes = Set(stores.map(\.hash))
    if hashes.count > 1, let first = stores.first, let other = stores.first(where: { $0.hash != first.hash })
    {
      var order: [String] = []
      var places: [String: [String]] = [:]
      for store in stores {
        if places[store.hash] == nil { order.append(store.hash) }
        places[store.hash, default: []].append(store.place)
      }
      let listed = order.map { "\($0) in \(places[$0]!.joined(separator: ", "))" }.joined(separator: "; ")
      let parts = other.place.split(separator: ":")
      report.findings.append(
        DoctorFinding(
          .storeMismatch, file: String(parts.dropLast().joined(separator: ":")), line: Int(parts.last!) ?? 1,
          "the files name \(hashes.count) different stores: \(listed)",
          fix: "point every file at the same store (export TOKEN --for TOOL rewrites a tool's files)"))
    }
    return (report, credentials)
  }

  /// Where a file with a secret is exposed: in git, or to other users.
  func exposure(of file: ProjectFiles.Found, line: Int) -> [DoctorFinding] {
    var findings: [DoctorFinding] = []
    if git.isTracked(file.path) {
      findings.append(
        DoctorFinding(
          .trackedSecret, file: file.shown, line: line, "a secret in a file git tracks",
          fix:
            "git rm --cached \(file.shown), add it to .gitignore, and rotate the credential (it is in history)"
        ))
    } else if git.isTrackable(file.path) {
      findings.append(
        DoctorFinding(
          .unignoredSecret, file: file.shown, line: line, "a secret in a file git would not ignore",
          fix: "add \(file.name) to .gitignore"))
    }
    if file.permissions & 0o077 != 0 {
      findings.append(
        DoctorFinding(
          .readableSecret, file: file.shown, line: line,
          "a secret in a file others can read (mode \(String(file.permissions, radix: 8)))",
          fix: "chmod 600 \(file.shown)"))
    }
    return findings
  }

  /// What `file` says, or nil when it is no credential file (a `.txt` file of another kind).
  func facts(of file: ProjectFiles.Found, text: String, overridden: inout Set<String>) throws(BcshError)
    -> FileFacts?
  {
    switch file.name {
    case StencilProject.configFileName, StencilProject.secretsFileName, ".stencil":
      return try stencilFacts(of: file, text: text)
    case CatalystConfigFile.fileName:
      let config = try CatalystConfigFile.parse(text, source: file.shown)
      var facts = FileFacts()
      if let token = config.accessToken, !token.isEmpty {
        facts.secretLine = config.lines["accessToken"] ?? 1
      }
      if let hash = config.storeHash, !hash.isEmpty {
        facts.stores.append((hash, config.lines["storeHash"] ?? 1))
        if let token = config.accessToken, !token.isEmpty {
          facts.credentials.append(
            Credential(
              file: file.shown, line: config.lines["accessToken"] ?? 1, storeHash: hash, accessToken: token))
        }
      }
      return facts
    default:
      if file.name.hasSuffix(".bcsh.json") { return try sessionFacts(of: file, text: text) }
      if file.name.hasSuffix(".txt") {
        guard let credentials = try? CredentialsFile.parse(text, source: file.shown) else { return nil }
        var facts = FileFacts()
        let line = credentials.lines["ACCESS TOKEN"] ?? 1
        facts.secretLine = line
        if case .store(let hash)? = try? APIPath.parse(credentials.apiPath) {
          facts.stores.append((hash, credentials.lines["API PATH"] ?? 1))
          facts.credentials.append(
            Credential(file: file.shown, line: line, storeHash: hash, accessToken: credentials.accessToken))
        }
        return facts
      }
      return try dotEnvFacts(of: file, text: text, overridden: &overridden)
    }
  }

  func dotEnvFacts(of file: ProjectFiles.Found, text: String, overridden: inout Set<String>) throws(BcshError)
    -> FileFacts
  {
    let document = try DotEnvDocument.parse(text, source: file.shown)
    var facts = FileFacts()
    for entry in document.entries where entry.key.hasPrefix("BIGCOMMERCE_") {
      let secret = entry.key.contains("TOKEN") || entry.key.contains("SECRET")
      if secret && !entry.value.isEmpty && facts.secretLine == nil { facts.secretLine = entry.line }
      if let value = environment[entry.key], value != entry.value, !overridden.contains(entry.key) {
        overridden.insert(entry.key)
        facts.findings.append(
          DoctorFinding(
            .environmentOverride, file: file.shown, line: entry.line,
            "\(entry.key) is set in the environment too, and the environment wins over .env files",
            fix: "unset \(entry.key) (or give it the file's value)"))
      }
    }
    if let hash = document.entry("BIGCOMMERCE_STORE_HASH"), !hash.value.isEmpty {
      facts.stores.append((hash.value, hash.line))
      if let token = document.entry("BIGCOMMERCE_ACCESS_TOKEN"), !token.value.isEmpty {
        facts.credentials.append(
          Credential(file: file.shown, line: token.line, storeHash: hash.value, accessToken: token.value))
      }
    }
    for (key, instead) in ToolKeys.catalystUnread {
      guard let entry = document.entry(key) else { continue }
      facts.findings.append(
        DoctorFinding(
          .unreadKey, file: file.shown, line: entry.line, "\(key) is a key Catalyst no longer reads",
          fix: "use \(instead)"))
    }
    if let entry = document.entry("BIGCOMMERCE_STOREFRONT_TOKEN"), let claims = TokenClaims(of: entry.value) {
      facts.findings += storefrontFindings(
        file: file.shown, line: entry.line, name: "BIGCOMMERCE_STOREFRONT_TOKEN", expiresAt: claims.expiresAt,
        usage: claims.issuedAt.map {
          StorefrontUsage.of(
            mintedKinds[entry.value] ?? .storefront, created: Date(timeIntervalSince1970: Double($0)), at: now
          )
        })
    }
    return facts
  }

  func stencilFacts(of file: ProjectFiles.Found, text: String) throws(BcshError) -> FileFacts {
    let document = try JSONSettingsDocument.parse(text, source: file.shown)
    var facts = FileFacts()
    if let token = document.string("accessToken"), !token.isEmpty {
      facts.secretLine = document.lines["accessToken"] ?? 1
    }
    let project = StencilProject(config: document, secrets: JSONSettingsDocument())
    if let hash = project.storeHashFromURL {
      facts.stores.append((hash, document.lines["normalStoreUrl"] ?? 1))
    }
    if file.name == ".stencil" {
      facts.findings.append(
        DoctorFinding(
          .legacyStencil, file: file.shown, line: 1,
          "a .stencil file: stencil CLI 3.1 and later read config.stencil.json and secrets.stencil.json instead",
          fix: "export TOKEN --for stencil writes both, then remove .stencil"))
    }
    if file.name == StencilProject.configFileName && document.string("apiHost") == nil {
      facts.findings.append(
        DoctorFinding(
          .stencilWithoutAPIHost, file: file.shown, line: 1, "config.stencil.json has no apiHost",
          fix: "add \"apiHost\": \"https://api.bigcommerce.com\" (export TOKEN --for stencil sets it)"))
    }
    return facts
  }

  func sessionFacts(of file: ProjectFiles.Found, text: String) throws(BcshError) -> FileFacts {
    let (session, manifest) = try SessionFile.parseDocument(text, source: file.shown)
    var facts = FileFacts()
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    func line(of needle: String) -> Int { (lines.firstIndex { $0.contains(needle) } ?? 0) + 1 }
    for token in session.tokens {
      if manifest == nil, token.accessToken != nil || token.clientSecret != nil, facts.secretLine == nil {
        facts.secretLine = line(of: "\"access_token\"")
      }
      let at = line(of: "\"\(token.name)\"")
      if case .store(let hash)? = token.apiPath, token.storefront == nil {
        facts.stores.append((hash, at))
        if let secret = token.accessToken?.revealed {
          facts.credentials.append(
            Credential(file: file.shown, line: at, storeHash: hash, accessToken: secret))
        }
      }
      if let record = token.storefront, record.revokedAt == nil {
        facts.findings += storefrontFindings(
          file: file.shown, line: at, name: "storefront token '\(token.name)'", expiresAt: record.expiresAt,
          usage: nil)
      }
    }
    return facts
  }

  /// An expired or soon expiring storefront token, or a browser-only one where a server uses it.
  func storefrontFindings(file: String, line: Int, name: String, expiresAt: Int?, usage: StorefrontUsage?)
    -> [DoctorFinding]
  {
    var findings: [DoctorFinding] = []
    if let expiresAt {
      let seconds = expiresAt - Int(now.timeIntervalSince1970.rounded(.down))
      if seconds <= 0 {
        findings.append(
          DoctorFinding(
            .storefrontExpired, file: file, line: line, "\(name) has expired",
            fix: "token mint NAME --from API_TOKEN ... makes a new one; export or exec hands it over"))
      } else if seconds < StorefrontTokenRecord.warningDays * 86_400 {
        findings.append(
          DoctorFinding(
            .storefrontExpiring, file: file, line: line,
            "\(name) expires in \(Counted.text(seconds / 86_400, "day"))",
            fix: "mint a new one before then (token mint)"))
      }
    }
    if usage == .browser {
      findings.append(
        DoctorFinding(
          .browserOnlyToken, file: file, line: line,
          "\(name) was issued after 2026-06-30 (or is used after 2027-03-31): a storefront token then works "
            + "only from browsers, and this server's .env hands it to server code",
          fix:
            "unless it is a private token already, mint one (token mint NAME --kind private) for server use"))
    }
    return findings
  }
}
