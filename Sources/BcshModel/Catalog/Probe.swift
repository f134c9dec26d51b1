/// A read-only request that succeeds (or fails with anything but 403) exactly when a token holds a
/// scope. Scope checks run before resource lookup, so a 404 for a made-up id still proves the scope.
public struct Probe: Sendable, Hashable {
  /// Always GET: a probe only reads.
  public let method: HTTPMethod
  /// Path below the store's API root, starting with `/v2/` or `/v3/`. `{uuid}` is replaced by a
  /// fresh random UUID on each run, so that the probe never finds a real resource.
  public let path: String
  /// Why a non-2xx answer still means "granted", for the report.
  public let note: String?
  /// The scopes that also open this endpoint (Content opens Checkout Content's; the three
  /// infrastructure scopes open one another's): a pass proves this scope only on a token without
  /// them, while a 403 proves it missing all the same.
  public let alsoOpenedBy: [String]
  /// Whether every 4xx but 403 means "granted" (Get Payment Methods validates its query after the
  /// scope check); otherwise only 400, 404 and 422 do.
  public let grantedOnAnyClientError: Bool

  public init(
    _ path: String, note: String? = nil, alsoOpenedBy: [String] = [], grantedOnAnyClientError: Bool = false
  ) {
    self.method = .get
    self.path = path
    self.note = note
    self.alsoOpenedBy = alsoOpenedBy
    self.grantedOnAnyClientError = grantedOnAnyClientError
  }

  /// What an HTTP status says about the scope (docs/bigcommerce.md, "Verifying without writing"): 2xx, 400, 404
  /// and 422 mean granted, 403 means missing; anything else proves nothing.
  public func interpret(status: Int) -> Bool? {
    switch status {
    case 200..<300, 400, 404, 422: true
    case 403: false
    case 401, 429: nil
    case 400..<500 where grantedOnAnyClientError: true
    default: nil
    }
  }

  /// The path with every `{uuid}` placeholder filled in by `makeUUID`.
  public func resolvedPath(makeUUID: () -> String) -> String {
    var result = path
    while let range = result.firstRange(of: "{uuid}") {
      result.replaceSubrange(range, with: makeUUID())
    }
    return result
  }
}
