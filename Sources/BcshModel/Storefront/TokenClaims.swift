import JSONText

/// What a storefront API token (a JWT) says of itself, read from its payload for display only:
/// nothing here is verified, so nothing here decides anything. BigCommerce documents no claim
/// names; those read here are the registered ones (`iat`, `exp`) and the ones seen in its tokens
/// (`eat` for the expiry, `cid` for the channels, `cors` for the origins).
public struct TokenClaims: Sendable, Equatable {
  /// Unix seconds.
  public var issuedAt: Int?
  /// Unix seconds.
  public var expiresAt: Int?
  public var channels: [Int]
  public var origins: [String]

  /// The claims of `token`, or nil when it is not a JWT whose payload is a JSON object.
  public init?(of token: String) {
    let parts = token.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3, let bytes = Self.base64URLDecoded(parts[1]),
      let payload = try? JSONReader.value(bytes), case .object = payload
    else { return nil }
    // A claim that is no plausible time is no claim.
    let time = { (value: JSONValue?) in
      value?.integer.flatMap { TokenExpiry.plausible.contains($0) ? $0 : nil }
    }
    issuedAt = time(payload["iat"])
    expiresAt = time(payload["eat"]) ?? time(payload["exp"])
    switch payload["cid"] {
    case .number(let channel)?: channels = [channel]
    case .array(let values)?: channels = values.compactMap(\.integer)
    default: channels = []
    }
    origins = payload["cors"]?.elements?.compactMap(\.string) ?? []
  }

  /// Base64url without padding (padding tolerated); nil on any other character.
  static func base64URLDecoded(_ text: Substring) -> [UInt8]? {
    var bytes: [UInt8] = []
    var buffer = 0
    var bits = 0
    for character in text.utf8 {
      let value: Int
      switch character {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = Int(character) - 65
      case UInt8(ascii: "a")...UInt8(ascii: "z"): value = Int(character) - 97 + 26
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(character) - 48 + 52
      case UInt8(ascii: "-"), UInt8(ascii: "+"): value = 62
      case UInt8(ascii: "_"), UInt8(ascii: "/"): value = 63
      case UInt8(ascii: "="): continue
      default: return nil
      }
      buffer = (buffer << 6) | value
      bits += 6
      if bits >= 8 {
        bits -= 8
        bytes.append(UInt8((buffer >> bits) & 0xFF))
      }
    }
    return bytes
  }
}
