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
    var (found, unchecked) = try ProjectFiles.walk(root, shownAs: shownRoot, files: files)
    found += stencilSecretsFiles(besides: found, unchecked: &unchecked)
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
      if let line = facts.secretLine {
        let (findings, unknown) = exposure(of: file, line: line)
        report.findings += findings
        if let unknown { report.unchecked.append(unknown) }
      }
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
      let listed = order.map { "\(Self.shownStoreHash($0)) in \(places[$0]!.joined(separator: ", "))" }
        .joined(separator: "; ")
      let parts = other.place.split(separator: ":")
      report.findings.append(
        DoctorFinding(
          .storeMismatch, file: String(parts.dropLast().joined(separator: ":")), line: Int(parts.last!) ?? 1,
          "the files name \(hashes.count) different stores: \(listed)",
          fix: "point every file at the same store (export TOKEN --for TOOL rewrites a tool's files)"))
    }
    // Only a value shaped as a store hash goes into a request's URL.
    return (report, credentials.filter { Self.isStoreHash($0.storeHash) })
  }

  /// Whether `value` has a store hash's shape: lowercase letters and digits, 1 to 20 of them, and
  /// taken by ``APIPath/parse(_:)`` as that store's hash.
  public static func isStoreHash(_ value: String) -> Bool {
    guard (1...20).contains(value.utf8.count),
      value.utf8.allSatisfy({
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
          || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
      })
    else { return false }
    return (try? APIPath.parse(value)) == .store(hash: value)
  }

  /// Whether `value` (a host, or a URL as some write it) names a BigCommerce API host:
  /// api.bigcommerce.com, or another host of bigcommerce.com.
  static func isBigCommerceHost(_ value: String) -> Bool {
    var host = Substring(value.lowercased())
    for scheme in ["https://", "http://"] where host.hasPrefix(scheme) { host = host.dropFirst(scheme.count) }
    while host.hasSuffix("/") { host = host.dropLast() }
    return host == "api.bigcommerce.com"
      || host.hasSuffix(".bigcommerce.com") && host.utf8.allSatisfy { $0 < 128 && $0 != UInt8(ascii: "/") }
        && !host.contains(":") && !host.contains("@")
  }

  /// A store hash as a finding shows it: itself when it has a store hash's shape, else only its
  /// length (a client secret or a token pasted in the wrong key must not be printed).
  static func shownStoreHash(_ value: String) -> String {
    isStoreHash(value) ? value : "(\(Counted.text(value.count, "character")), not shown)"
  }

  /// `word` as a POSIX shell reads it back as itself: bare when it holds only characters no
  /// shell treats specially, else in single quotes (a quote inside as `'\''`).
  static func shellWord(_ word: String) -> String {
    let plain = word.utf8.allSatisfy { byte in
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "_./-+,:@%=".utf8.contains(byte)
    }
    guard word.isEmpty || !plain || word.hasPrefix("-") else { return word }
    return "'" + word.replacing("'", with: "'\\''") + "'"
  }

  /// The secrets files the stencil configs among `found` name by `secretsFileName`, when not one
  /// found already: stencil reads the token from there. A name bcsh would not write to
  /// (``StencilProject/secretsFileName(in:source:)``) is left unread, and said so.
  func stencilSecretsFiles(besides found: [ProjectFiles.Found], unchecked: inout [String]) -> [ProjectFiles
    .Found]
  {
    var more: [ProjectFiles.Found] = []
    for config in found where config.name == StencilProject.configFileName {
      guard let text = try? files.read(config.path, shownAs: config.shown),
        let document = try? JSONSettingsDocument.parse(text, source: config.shown)
      else { continue }
      let name: String
      do throws(BcshError) {
        name = try StencilProject.secretsFileName(in: document, source: config.shown)
      } catch {
        unchecked.append("\(error.position.map { "\($0)" } ?? config.shown): \(error.message)")
        continue
      }
      let folder = Paths.folder(of: config.path)
      let path = folder + "/" + name
      guard !found.contains(where: { $0.path == path }) else { continue }
      let shownFolder = Paths.folder(of: config.shown)
      let shown = config.shown.contains("/") ? shownFolder + "/" + name : name
      guard let entry = (try? files.list(folder))?.first(where: { $0.name == name }) else { continue }
      guard entry.kind == .file else {
        unchecked.append("\(shown): named by secretsFileName, but not a regular file; not read")
        continue
      }
      guard entry.size <= ProjectFiles.maximumSize else {
        unchecked.append("\(shown): larger than \(ProjectFiles.maximumSize >> 20) MiB; not read")
        continue
      }
      var file = ProjectFiles.Found(path: path, shown: shown, name: name, permissions: entry.permissions)
      file.isStencilSecrets = true
      more.append(file)
    }
    return more
  }

  /// Where a file with a secret is exposed: in git, or to other users; and what could not be
  /// checked (git failed there: a repository it refuses, a corrupt `.git`).
  func exposure(of file: ProjectFiles.Found, line: Int) -> (findings: [DoctorFinding], unchecked: String?) {
    var findings: [DoctorFinding] = []
    var unchecked: String?
    let trackable = git.trackable(file.path)
    if case .cannotTell(let status) = trackable {
      unchecked =
        "\(file.shown):\(line): git failed there (exit \(status)), so whether git tracks or ignores it is not known"
    } else if git.isTracked(file.path) {
      findings.append(
        DoctorFinding(
          .trackedSecret, file: file.shown, line: line, "a secret in a file git tracks",
          fix:
            "git rm --cached -- \(Self.shellWord(file.shown)), add it to .gitignore unless it is there, and rotate "
            + "the credential (it is in history)"
        ))
    } else if trackable == .yes {
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
          fix: "chmod 600 -- \(Self.shellWord(file.shown))"))
    }
    return (findings, unchecked)
  }

  /// What `file` says, or nil when it is no credential file (a `.txt` file of another kind).
  func facts(of file: ProjectFiles.Found, text: String, overridden: inout Set<String>) throws(BcshError)
    -> FileFacts?
  {
    if file.isStencilSecrets { return try stencilFacts(of: file, text: text) }
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
    if let entry = document.entry("BIGCOMMERCE_API_HOST"), !Self.isBigCommerceHost(entry.value) {
      facts.findings.append(
        DoctorFinding(
          .foreignAPIHost, file: file.shown, line: entry.line,
          "BIGCOMMERCE_API_HOST is \(ShownWord.quoted(entry.value)), not a BigCommerce host: the catalyst CLI "
            + "sends the access token there",
          fix: "remove the line (production needs none), or set it to api.bigcommerce.com"))
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
        usage: claims.issuedAt.flatMap { issued in
          // A JWT does not say its kind; only a storefront token takes CORS origins. Unknown to the
          // session and without origins, it may be a private token: no finding.
          guard let kind = mintedKinds[entry.value] ?? (claims.origins.isEmpty ? nil : .storefront) else {
            return nil
          }
          return StorefrontUsage.of(kind, created: Date(timeIntervalSince1970: Double(issued)), at: now)
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
