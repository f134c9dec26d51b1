/// One OAuth scope as the control panel shows it: a row with a name and a drop-down of levels.
public struct Scope: Sendable, Hashable {
  /// The stable identifier bcsh uses in files and on the command line: the UI name in kebab case.
  public let id: String
  /// The name the control panel shows.
  public let uiName: String
  public let kind: TokenKind
  /// The levels offered, lowest first; the last is the default for `scope add`.
  public let levels: [Permission]
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
  public struct Permission: Sendable, Hashable {
    public let level: AccessLevel
    /// nil where BigCommerce has not published the string.
    public let tokenString: String?
  }

  public init(
    id: String, uiName: String, kind: TokenKind, levels: [Permission], probe: Probe?, aliases: [String] = [],
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
