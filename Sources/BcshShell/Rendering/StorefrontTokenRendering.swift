import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import FoundationEssentials

/// How a minted storefront token looks: `token mint`'s report, `token show`'s lines and the JSON
/// both share.
enum StorefrontTokenRendering {
  /// "2027-03-05 (in 90 days)", "2026-11-30 (expired 5 days ago)".
  static func expiry(_ record: StorefrontTokenRecord, at now: Date) -> String {
    "\(TokenExpiry.dayText(record.expiresAt)) (\(record.expiryPhrase(at: now)))"
  }

  /// Where it may be used, with why.
  static func usage(_ record: StorefrontTokenRecord, at now: Date) -> String {
    switch record.usage(at: now) {
    case .server:
      "server (\(record.kind == .private ? "private" : "impersonation") tokens are refused from browsers)"
    case .both:
      "browser and server (server to server only until 2027-03-31: created on or before 2026-06-30)"
    case .browser:
      record.kind == .storefront
        && Double(record.mintedAt)
          <= StorefrontUsage.serverToServerCreationCutoff
          .timeIntervalSince1970
        ? "browser (server-to-server use ended 2027-03-31)"
        : "browser only (created after 2026-06-30; servers need a private token)"
    }
  }

  /// The lines `token show` prints after name and kind.
  static func detailLines(
    _ token: Token, _ record: StorefrontTokenRecord, graphQL: String?, at now: Date
  ) -> [(String, String)] {
    var lines: [(String, String)] = [
      ("store", token.apiPath?.identifier ?? "-"),
      ("channels", record.channels.map(String.init).joined(separator: ", ")),
    ]
    if record.kind == .private {
      lines.append(("scopes", record.scopes.map(\.rawValue).joined(separator: ", ")))
    }
    if record.kind == .storefront {
      lines.append(("cors origins", record.origins.isEmpty ? "none" : record.origins.joined(separator: ", ")))
    }
    lines.append(("use from", usage(record, at: now)))
    lines.append(("minted", "\(TokenExpiry.dayText(record.mintedAt)) with '\(record.mintedFrom)'"))
    lines.append(("expires", expiry(record, at: now)))
    if let revoked = record.revokedAt {
      lines.append(("revoked", TokenExpiry.dayText(revoked) + " ('token rm' removes it)"))
    }
    if let graphQL { lines.append(("graphql", graphQL)) }
    if let claims = token.accessToken.flatMap({ TokenClaims(of: $0.revealed) }) {
      lines.append(("token claims", claimsText(claims)))
    }
    return lines
  }

  /// What the token says of itself, for display only.
  static func claimsText(_ claims: TokenClaims) -> String {
    var parts: [String] = []
    if let issued = claims.issuedAt { parts.append("issued \(TokenExpiry.dayText(issued))") }
    if let expires = claims.expiresAt { parts.append("expires \(TokenExpiry.dayText(expires))") }
    if !claims.channels.isEmpty {
      parts.append("channels \(claims.channels.map(String.init).joined(separator: ", "))")
    }
    if !claims.origins.isEmpty {
      parts.append("origins \(claims.origins.map { ShownWord.escaped($0) }.joined(separator: ", "))")
    }
    return (parts.isEmpty ? "none read" : parts.joined(separator: ", "))
      + " (read from the token, not verified)"
  }

  /// `token mint`'s report.
  static func minted(_ token: Token, at now: Date) -> String {
    guard let record = token.storefront else { return "" }
    var text = "minted \(record.kind.rawValue) token '\(token.name)' with '\(record.mintedFrom)' "
    text += "for store \(token.apiPath?.identifier ?? "-"), channel"
    text += record.channels.count == 1 ? " " : "s "
    text += record.channels.map(String.init).joined(separator: ", ") + "\n"
    text += "expires \(expiry(record, at: now)); use from: \(usage(record, at: now))\n"
    if !record.scopes.isEmpty { text += "scopes: \(record.scopes.map(\.rawValue).joined(separator: ", "))\n" }
    if !record.origins.isEmpty { text += "cors origins: \(record.origins.joined(separator: ", "))\n" }
    text += "next: verify \(Word.typed(token.name)); 'save' keeps it\n"
    return text
  }

  /// The `storefront` member of a token's JSON.
  static func json(_ record: StorefrontTokenRecord, at now: Date) -> JSONValue {
    .object([
      ("kind", .string(record.kind.rawValue)),
      ("channels", .array(record.channels.map { .number($0) })),
      ("expires_at", .string(TokenExpiry.timeText(record.expiresAt))),
      ("expired", .bool(record.hasExpired(at: now))),
      ("days_left", .number(record.daysLeft(at: now))),
      ("usage", .string(record.usage(at: now).rawValue)),
      ("scopes", .array(record.scopes.map { .string($0.rawValue) })),
      ("cors_origins", .array(record.origins.map { .string($0) })),
      ("minted_at", .string(TokenExpiry.timeText(record.mintedAt))),
      ("minted_from", .string(record.mintedFrom)),
      ("revoked_at", .optional(record.revokedAt.map(TokenExpiry.timeText))),
      ("site", .optional(record.site)),
    ])
  }
}
