import JSONText

extension SandboxConfiguration {
  /// Reads a configuration from the JSON text of the file at `path` (read by the caller, the
  /// way bcsh reads every file) and checks it with ``validate()``.
  public static func load(json text: String, from path: String) throws -> SandboxConfiguration {
    let configuration: SandboxConfiguration
    do {
      let json = try JSONReader.value(text.utf8)
      configuration = try JSONValueDecoder().decode(SandboxConfiguration.self, from: json)
    } catch let error as JSONReadError {
      throw SandboxError.unreadableConfiguration(path: path, reason: "not valid JSON (\(error.message))")
    } catch let error as DecodingError {
      throw SandboxError.unreadableConfiguration(path: path, reason: Self.describe(error))
    } catch {
      throw SandboxError.unreadableConfiguration(path: path, reason: "\(error)")
    }
    try configuration.validate()
    return configuration
  }

  /// Throws ``SandboxError/invalidConfiguration(_:)`` when the configuration contradicts itself.
  public func validate() throws {
    func fail(_ reason: String) -> SandboxError { .invalidConfiguration(reason) }
    guard quota >= 1, accountQuotaPerHour >= 1 else { throw fail("quotas must be at least 1") }
    guard windowMilliseconds >= 1 else { throw fail("windowMilliseconds must be at least 1") }
    guard (0...60_000).contains(latencyMilliseconds) else {
      throw fail("latencyMilliseconds must be between 0 and 60000")
    }
    var hashes = Set<String>()
    for store in stores {
      guard !store.hash.isEmpty, store.hash.allSatisfy(\.isPathSafe) else {
        throw fail("store hash '\(store.hash)' must be non-empty letters and digits")
      }
      guard hashes.insert(store.hash).inserted else { throw fail("store '\(store.hash)' appears twice") }
    }
    var accessTokens = Set<String>()
    for token in tokens {
      guard !token.accessToken.isEmpty else { throw fail("token '\(token.name)' has no access token") }
      guard accessTokens.insert(token.accessToken).inserted else {
        throw fail("token '\(token.name)' reuses another token's access token")
      }
      if let hash = token.storeHash, store(hash: hash) == nil {
        throw fail("token '\(token.name)' belongs to unknown store '\(hash)'")
      }
      if token.storeHash == nil {
        guard let uuid = token.accountUUID, accounts.contains(where: { $0.uuid == uuid }) else {
          throw fail("token '\(token.name)' needs a storeHash or the accountUUID of a listed account")
        }
      }
    }
  }

  private static func describe(_ error: DecodingError) -> String {
    switch error {
    case .keyNotFound(let key, let context):
      return "missing '\(key.stringValue)' at \(path(context))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "wrong type at \(path(context))"
    case .dataCorrupted(let context):
      return "not valid JSON (\(context.debugDescription))"
    @unknown default:
      return "\(error)"
    }
  }

  private static func path(_ context: DecodingError.Context) -> String {
    let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
    return keys.isEmpty ? "top level" : keys.joined()
  }
}

extension Character {
  /// Letters, digits, `-` and `_`: what may sit in one path segment without escaping.
  fileprivate var isPathSafe: Bool {
    isASCII && (isLetter || isNumber || self == "-" || self == "_")
  }
}
