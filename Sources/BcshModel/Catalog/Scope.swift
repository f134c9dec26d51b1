/// One OAuth scope as the control panel shows it: a row with a name and a drop-down of levels.
public struct Scope: Sendable, Hashable {
  /// The stable identifier bcsh uses in files and on the command line: the UI name in kebab case.
  public let id: String
  /// The name the control panel shows.
  public let uiName: String
  public let kind: TokenKind
  /// The levels offered, lowest first; the last is the default for `scope add`.
  public let levels: [Grant]
  /// How verify checks that a token holds this scope without writing; nil when no read exists.
  public let probe: Probe?
  /// Other spellings users type for this scope (besides the id and UI name).
  public let aliases: [String]
  /// How the control panel offers the levels: one choice from a drop-down (store scopes), or a
  /// box per level that may be ticked together (account-level resources: Account Users read,
  /// write and delete are three boxes).
  public let choice: LevelChoice

  /// How a scope's levels are picked in the control panel.
  public enum LevelChoice: Sendable, Hashable {
    /// One level at a time; declaring another replaces it.
    case dropDown
    /// Any set of levels at once; each declared level is a box to tick.
    case checkboxes
  }

  /// One level of a scope and the token string the API uses for it.
  public struct Grant: Sendable, Hashable {
    public let level: AccessLevel
    /// nil where BigCommerce has not published the string.
    public let tokenString: String?
  }

  public init(
    id: String, uiName: String, kind: TokenKind, levels: [Grant], probe: Probe?, aliases: [String] = [],
    choice: LevelChoice = .dropDown
  ) {
    self.id = id
    self.uiName = uiName
    self.kind = kind
    self.levels = levels
    self.probe = probe
    self.aliases = aliases
    self.choice = choice
  }

  /// The highest level offered.
  public var highestLevel: AccessLevel { levels.last!.level }

  /// What `scope add NAME` declares without `=LEVEL`: the highest level of a drop-down, every box
  /// of a checkbox scope.
  public var defaultLevels: [AccessLevel] {
    choice == .checkboxes ? levels.map(\.level) : [highestLevel]
  }

  /// A level's position in `levels`, for sorting boxes of one scope.
  public func order(of level: AccessLevel) -> Int {
    levels.firstIndex { $0.level == level } ?? Int.max
  }

  public func offers(_ level: AccessLevel) -> Bool { levels.contains { $0.level == level } }

  public func tokenString(for level: AccessLevel) -> String? {
    levels.first { $0.level == level }?.tokenString
  }

  /// "read-only, modify": the levels as a list for help and errors.
  public var levelList: String { levels.map(\.level.rawValue).joined(separator: ", ") }
}

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
