import BcshSandboxData

/// One store REST endpoint the sandbox serves: its path pattern, the scopes that grant it and what
/// it answers once access is granted.
struct StoreRoute: Sendable {
  /// The API generation, the first path segment after `/stores/{hash}/`.
  enum Version: String, Sendable {
    case v2, v3
  }

  enum Segment: Sendable, Equatable {
    case literal(String)
    /// `{name}` in the pattern: any one segment, handed to `respond`.
    case parameter
  }

  /// What a granted request carries into `respond`.
  struct Context: Sendable {
    var store: SandboxStore
    var token: SandboxToken
    /// The values of the pattern's `{...}` segments, in order.
    var parameters: [String]
    var query: [String: String]
  }

  let version: Version
  let segments: [Segment]
  /// Token strings any one of which grants the endpoint. Empty: any valid token of the store (the
  /// implicit `default` scope, and liveness).
  let scopes: Set<String>
  let respond: @Sendable (Context) -> SandboxResponse

  /// - Parameter pattern: the path after the version, e.g. `orders/{id}/transactions`.
  init(
    _ version: Version, _ pattern: String, scopes: [String],
    respond: @escaping @Sendable (Context) -> SandboxResponse
  ) {
    self.version = version
    self.segments = pattern.split(separator: "/").map {
      $0.hasPrefix("{") && $0.hasSuffix("}") ? .parameter : .literal(String($0))
    }
    self.scopes = Set(scopes)
    self.respond = respond
  }

  /// The parameter values when `path` (the segments after the version) matches, else `nil`.
  func match(_ version: Version, _ path: [Substring]) -> [String]? {
    guard version == self.version, path.count == segments.count else { return nil }
    var parameters: [String] = []
    for (segment, part) in zip(segments, path) {
      switch segment {
      case .literal(let literal): guard part == literal else { return nil }
      case .parameter:
        guard !part.isEmpty else { return nil }
        parameters.append(String(part))
      }
    }
    return parameters
  }

  /// Whether a token holding `granted` may use this endpoint.
  func isGranted(to granted: [String]) -> Bool {
    scopes.isEmpty || granted.contains { scopes.contains($0) }
  }
}

/// The token strings that grant a read: the modify string and its read-only twin.
func readable(_ modify: String, readOnly: String? = nil) -> [String] {
  [modify, readOnly ?? "\(modify)_read_only"]
}
