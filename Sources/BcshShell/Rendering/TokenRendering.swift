import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import FoundationEssentials

/// How tokens look in `token list`, `token show` and their `--json`.
enum TokenRendering {
  static func list(_ session: Session, style: TextStyle, width: Int? = nil, now: Date) -> String {
    guard session.tokenCount > 0 else { return "no tokens yet; 'token new NAME' creates one\n" }
    let expiring = session.tokens.contains { $0.storefront != nil }
    var table = Table(
      headers: ["", "NAME", "KIND", "API PATH", "SCOPES", "CREDENTIALS"] + (expiring ? ["EXPIRES"] : [])
        + ["LAST VERIFY"])
    for token in session.tokens {
      var row = [
        token.name == session.currentName ? "*" : "",
        token.name,
        token.kindName,
        token.apiPath?.identifier ?? "-",
        String(token.storefront.map(\.scopes.count) ?? token.grants.count),
        credentialSummary(token),
      ]
      if expiring { row.append(token.storefront.map { expirySummary($0, style: style, now: now) } ?? "-") }
      row.append(verificationSummary(token, style: style))
      table.rows.append(row)
    }
    return table.rendered(style: style, width: width)
  }

  /// "2027-03-05 (in 90 days)", in the warning colour within 14 days, bad once expired or revoked.
  static func expirySummary(_ record: StorefrontTokenRecord, style: TextStyle, now: Date) -> String {
    if let revoked = record.revokedAt { return style.bad("revoked \(TokenExpiry.dayText(revoked))") }
    let text = StorefrontTokenRendering.expiry(record, at: now)
    if record.hasExpired(at: now) { return style.bad(text) }
    return record.lapsesSoon(at: now) ? style.warning(text) : text
  }

  /// `home` says where a secret is kept ("in the keyring", ...), or nil for no secret.
  static func details(
    _ token: Token, reveal: Bool, style: TextStyle, home: (CredentialField) -> SecretHome? = { _ in nil },
    now: Date, graphQL: String? = nil
  ) -> String {
    func secret(_ value: Secret?, _ field: CredentialField) -> String {
      guard let value else { return "-" }
      return (reveal ? value.revealed : value.masked) + (home(field).map { " (\($0.phrase))" } ?? "")
    }
    if let record = token.storefront {
      let lines =
        [("name", token.name), ("kind", token.kindPhrase)]
        + StorefrontTokenRendering.detailLines(token, record, graphQL: graphQL, at: now)
        + [
          ("token", secret(token.accessToken, .accessToken)),
          ("last verify", verificationSummary(token, style: style)),
        ]
      return aligned(lines)
    }
    var lines = [
      ("name", token.name),
      ("kind", token.kindPhrase),
      ("api path", token.apiPath?.canonical ?? "- ('path set' sets it)"),
      ("access token", secret(token.accessToken, .accessToken)),
      ("client id", token.clientID ?? "-"),
      ("client secret", secret(token.clientSecret, .clientSecret)),
      ("last verify", verificationSummary(token, style: style)),
    ]
    lines.append(("scopes", token.grants.isEmpty ? "none declared" : ""))
    var text = aligned(lines)
    if !token.grants.isEmpty {
      let rows = token.grants.compactMap { grant in
        grant.scope.map {
          ["  " + $0.uiName, grant.level.rawValue, $0.tokenString(for: grant.level) ?? "(unpublished)"]
        }
      }
      text += Table(headers: ["  SCOPE", "LEVEL", "TOKEN STRING"], rows: rows).rendered(style: style)
    }
    return text
  }

  /// `label: value` lines, the values in one column.
  private static func aligned(_ lines: [(String, String)]) -> String {
    let width = lines.map(\.0.count).max()!
    return lines.map { label, value in
      (label + ":").padding(to: width + 2) + value
    }.joined(separator: "\n").replacingTrailingBlanks() + "\n"
  }

  static func json(
    _ token: Token, current: Bool, reveal: Bool = false,
    home: (CredentialField) -> SecretHome? = { _ in nil },
    now: Date
  ) -> JSONValue {
    func secret(_ value: Secret?) -> JSONValue {
      guard let value else { return .null }
      return .string(reveal ? value.revealed : value.masked)
    }
    return .object([
      ("name", .string(token.name)),
      ("kind", .string(token.kindName)),
      ("current", .bool(current)),
      ("api_path", .optional(token.apiPath?.canonical)),
      ("access_token", secret(token.accessToken)),
      ("client_id", .optional(token.clientID)),
      ("client_secret", secret(token.clientSecret)),
      ("access_token_kept", .optional(home(.accessToken)?.rawValue)),
      ("client_secret_kept", .optional(home(.clientSecret)?.rawValue)),
      ("scopes", .array(token.grants.map(ScopeRendering.json))),
      ("storefront", token.storefront.map { StorefrontTokenRendering.json($0, at: now) } ?? .null),
      (
        "last_verify",
        token.lastVerification.map {
          .object([
            ("date", .string($0.date)), ("result", .string($0.result.rawValue)), ("passed", .bool($0.passed)),
            ("summary", .string($0.summary)),
          ])
        } ?? .null
      ),
    ])
  }

  private static func credentialSummary(_ token: Token) -> String {
    let have = [
      token.accessToken != nil ? "token" : nil, token.clientID != nil ? "id" : nil,
      token.clientSecret != nil ? "secret" : nil,
    ].compactMap { $0 }
    return have.isEmpty ? "none" : have.joined(separator: "+")
  }

  private static func verificationSummary(_ token: Token, style: TextStyle) -> String {
    guard let record = token.lastVerification else { return "never" }
    let verdict =
      switch record.result {
      case .passed: style.good("passed")
      case .problem: style.bad("problem")
      case .notChecked: style.warning("not checked")
      }
    return "\(verdict) \(ShownWord.escaped(record.date)): \(ShownWord.escaped(record.summary))"
  }
}

extension String {
  /// Pads with spaces on the right to `width` characters.
  func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }

  /// Each line without trailing blanks.
  func replacingTrailingBlanks() -> String {
    split(separator: "\n", omittingEmptySubsequences: false).map { line in
      var line = Substring(line)
      while line.last == " " { line = line.dropLast() }
      return String(line)
    }.joined(separator: "\n")
  }
}
