/// Everything a session file holds: the tokens being prepared and which one is current. A value
/// type: a command works on a copy and the copy replaces the original only when the command
/// succeeds, so a failed command leaves the session as it was.
public struct Session: Sendable, Equatable, Codable {
  public private(set) var tokens: [Token] = []
  public private(set) var currentName: String?

  public init() {}

  public var current: Token? {
    currentName.flatMap { name in tokens.first { $0.name == name } }
  }

  public func token(named name: String) -> Token? { tokens.first { $0.name == name } }

  /// Adds a token and makes it current. The name must be new.
  public mutating func add(_ token: Token) throws(BcshError) {
    try Session.checkName(token.name)
    guard self.token(named: token.name) == nil else {
      throw BcshError(
        "a token named '\(token.name)' already exists", hint: "'token use \(token.name)' selects it")
    }
    tokens.append(token)
    currentName = token.name
  }

  public mutating func use(_ name: String) throws(BcshError) {
    _ = try require(name)
    currentName = name
  }

  public mutating func remove(_ name: String) throws(BcshError) {
    _ = try require(name)
    tokens.removeAll { $0.name == name }
    if currentName == name { currentName = tokens.last?.name }
  }

  public mutating func rename(_ old: String, to new: String) throws(BcshError) {
    _ = try require(old)
    guard token(named: new) == nil else { throw BcshError("a token named '\(new)' already exists") }
    try Session.checkName(new)
    if let index = tokens.firstIndex(where: { $0.name == old }) { tokens[index].name = new }
    if currentName == old { currentName = new }
  }

  /// Changes one token in place.
  public mutating func update(_ name: String, _ change: (inout Token) throws(BcshError) -> Void)
    throws(BcshError)
  {
    guard let index = tokens.firstIndex(where: { $0.name == name }) else {
      _ = try require(name)
      return
    }
    try change(&tokens[index])
  }

  /// The token called `name`, or an error that lists the names there are.
  public func require(_ name: String) throws(BcshError) -> Token {
    if let token = token(named: name) { return token }
    let names = tokens.map(\.name)
    let hint =
      Spelling.suggestion(for: name, among: names).map { "did you mean '\($0)'?" }
      ?? (names.isEmpty ? "'token new NAME' creates one" : "tokens: \(names.joined(separator: ", "))")
    throw BcshError("no token named '\(name)'", hint: hint)
  }

  /// The current token, or an error that says how to get one.
  public func requireCurrent() throws(BcshError) -> Token {
    guard let current else {
      throw BcshError(
        "no current token",
        hint: tokens.isEmpty ? "'token new NAME' creates one" : "'token use NAME' selects one")
    }
    return current
  }

  /// BigCommerce's rule for API account names, plus what bcsh needs to keep them usable as words.
  public static func checkName(_ name: String) throws(BcshError) {
    guard name.count >= Token.minimumNameLength else {
      throw BcshError(
        "token name '\(name)' is too short",
        hint: "BigCommerce requires API account names of at least \(Token.minimumNameLength) characters")
    }
    guard name.count <= 100, !name.contains(where: { $0.isNewline || $0.asciiValue.map { $0 < 32 } == true })
    else { throw BcshError("token name must be one line of at most 100 characters") }
  }

  enum CodingKeys: String, CodingKey {
    case tokens
    case currentName = "current"
  }
}
