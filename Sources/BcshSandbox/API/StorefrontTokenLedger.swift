import FoundationEssentials
import JSONText
import Synchronization

/// The storefront API tokens the sandbox has minted, by their text: what each may do and whether it
/// was revoked. Shared by the create and revoke endpoints and the storefront's `/graphql`.
final class StorefrontTokenLedger: Sendable {
  /// One minted token.
  struct Entry: Sendable, Equatable {
    /// `storefront`, `private` or `impersonation`.
    var kind: String
    var storeHash: String
    var channels: [Int]
    /// Unix seconds.
    var expiresAt: Int
    var origins: [String]
    /// A private token's GraphQL scopes (`Unauthenticated`, `Customer`, `B2B`).
    var scopes: [String]
    var revoked = false
    /// Unix seconds; set when minted.
    var issuedAt = 0
  }

  private let entries = Mutex<[String: Entry]>([:])
  private let serial = Mutex(0)

  /// Records `entry` and returns its token: a JWT whose payload carries the entry (the sandbox's
  /// own claim names; BigCommerce documents none) and whose signature is random, since only the
  /// sandbox reads it back, by its whole text.
  func mint(_ entry: Entry, issuedAt: Int) -> String {
    let number = serial.withLock { value in
      value += 1
      return value
    }
    var claims: [(String, JSONValue)] = [
      ("iss", "BC-sandbox"), ("iat", .number(issuedAt)), ("eat", .number(entry.expiresAt)),
      ("sid", .string(entry.storeHash)), ("cid", .array(entry.channels.map { .number($0) })),
      ("token_kind", .string(entry.kind)), ("jti", .number(number)),
    ]
    if !entry.origins.isEmpty { claims.append(("cors", .array(entry.origins.map { .string($0) }))) }
    if !entry.scopes.isEmpty { claims.append(("scopes", .array(entry.scopes.map { .string($0) }))) }
    var random = SystemRandomNumberGenerator()
    let signature = (0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }
    let token = [
      Self.base64URL(Array(#"{"alg":"ES256","typ":"JWT"}"#.utf8)),
      Self.base64URL(Array(JSONValue.object(claims).serialized().utf8)), Self.base64URL(signature),
    ].joined(separator: ".")
    var recorded = entry
    recorded.issuedAt = issuedAt
    entries.withLock { [recorded] in $0[token] = recorded }
    return token
  }

  /// The entry of a token text, if the sandbox minted it.
  func entry(for token: String) -> Entry? { entries.withLock { $0[token] } }

  /// Marks a token of `storeHash` revoked; false when the sandbox did not mint it for that store.
  func revoke(_ token: String, of storeHash: String) -> Bool {
    entries.withLock { entries in
      guard entries[token]?.storeHash == storeHash else { return false }
      entries[token]?.revoked = true
      return true
    }
  }

  /// Base64url without padding, as JWTs write their parts.
  static func base64URL(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    var out: [UInt8] = []
    var index = 0
    while index < bytes.count {
      let chunk = bytes[index..<min(index + 3, bytes.count)]
      var value = 0
      for (offset, byte) in chunk.enumerated() { value |= Int(byte) << (16 - 8 * offset) }
      for position in 0..<(chunk.count + 1) { out.append(alphabet[(value >> (18 - 6 * position)) & 63]) }
      index += 3
    }
    return String(decoding: out, as: UTF8.self)
  }
}
