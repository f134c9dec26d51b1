import HashTreeCollections

/// Everything a session file holds: the tokens being prepared and which one is current. A value
/// type: a command works on a copy and the copy replaces the original only when the command
/// succeeds, so a failed command leaves the session as it was.
///
/// The tokens live in a persistent hash tree keyed by name: a copy shares every node with the
/// original, and a change copies only the path to the token it touches. So the copy each command
/// drafts costs nothing, a change costs O(log n), and finding a token by name needs no scan.
public struct Session: Sendable, Equatable, Codable {
  /// A token and its place in the order the tokens were made. The token is boxed so that the
  /// tree's path copies retain one reference per entry, not every field of every token.
  private struct Entry: Sendable, Equatable {
    var place: Int
    var box: TokenBox

    var token: Token { box.token }

    static func == (left: Entry, right: Entry) -> Bool {
      left.place == right.place && (left.box === right.box || left.box.token == right.box.token)
    }
  }

  private final class TokenBox: Sendable {
    let token: Token
    init(_ token: Token) { self.token = token }
  }

  /// Every token by name. While `pending` is set, the current token's entry here is stale.
  private var entries: TreeDictionary<String, Entry> = [:]
  /// The current token as commands change it, kept out of the tree: a script spends most lines on
  /// the current token, and a change here costs O(1) where a change in the tree copies (and later
  /// frees) the path to it. Written back when another token becomes current or one is added,
  /// removed or renamed. A token just added stays here, out of the tree, until then: adding it
  /// costs one change to the tree (writing back the token current before) instead of two.
  private var pending: Entry?
  /// Whether the tree holds an entry (stale) for the pending token: false for one just added.
  private var pendingInTree = false
  private var nextPlace = 0
  public private(set) var currentName: String?
  /// The tokens added, changed, renamed (both names) or removed since the shell last asked
  /// (`takeChangedNames()`): the shell brings the secrets it masks in step with those only. Not
  /// part of the session's value.
  private var changedNames: [String] = []
  /// Shared by every copy of this session and by nothing else: a session read from a file
  /// (`open`) has a lineage of its own, which tells the shell that every token may have changed.
  private var lineage = Lineage()

  final class Lineage: Sendable {}

  /// Which session this one is a copy of, as `lineage` tells it.
  package var lineageID: ObjectIdentifier { ObjectIdentifier(lineage) }

  public init() {}

  /// Every token, in the order they were made.
  public var tokens: [Token] { latestEntries.sorted { $0.place < $1.place }.map(\.token) }

  public var tokenCount: Int { entries.count + (pending != nil && !pendingInTree ? 1 : 0) }

  /// Not `currentName.flatMap(token(named:))`: that closure captured a copy of the whole session,
  /// on every command that changes the current token (2% of a replay).
  public var current: Token? {
    guard let currentName else { return nil }
    return token(named: currentName)
  }

  public func token(named name: String) -> Token? { entry(named: name)?.token }

  /// `body` on the token called `name`, without copying the token out (a token is a large value:
  /// the shell reads one after every command that changes it); nil when there is none.
  package func withToken<Result>(named name: String, _ body: (Token) -> Result) -> Result? {
    guard let entry = entry(named: name) else { return nil }
    return body(entry.box.token)
  }

  /// `body` on the current token, without copying it out; the error `requireCurrent()` throws
  /// when there is none.
  package func withCurrent<Result>(_ body: (Token) throws(BcshError) -> Result) throws(BcshError) -> Result {
    guard let currentName, let entry = entry(named: currentName) else { throw noCurrentToken }
    return try body(entry.box.token)
  }

  /// The tokens whose names the control panel would take for `name`: the same letters whatever
  /// their case, with spaces, hyphens and underscores alike ("Cart Migration", "cart-migration").
  public func tokens(likeName name: String) -> [Token] {
    let key = Session.controlPanelKey(name)
    return tokens.filter { Session.controlPanelKey($0.name) == key }
  }

  /// `name` lowercased, each run of spaces, hyphens and underscores one hyphen, none at the ends.
  static func controlPanelKey(_ name: String) -> String {
    let separators: Set<Character> = [" ", "-", "_"]
    var key = ""
    for character in name.lowercased() {
      if separators.contains(character) {
        if !key.isEmpty && !key.hasSuffix("-") { key.append("-") }
      } else {
        key.append(character)
      }
    }
    return key.hasSuffix("-") ? String(key.dropLast()) : key
  }

  private func entry(named name: String) -> Entry? {
    if let pending, name == currentName { return pending }
    return entries[name]
  }

  /// Every entry, the pending one in place of its stale copy.
  private var latestEntries: [Entry] {
    guard let pending else { return Array(entries.values) }
    guard pendingInTree else { return Array(entries.values) + [pending] }
    return entries.values.map { $0.place == pending.place ? pending : $0 }
  }

  /// Writes the pending current token back into the tree.
  private mutating func writeBack() {
    guard let entry = pending else { return }
    pending = nil
    entries[entry.token.name] = entry
  }

  /// Adds a token and makes it current. The name must be new.
  public mutating func add(_ token: Token) throws(BcshError) {
    try Session.checkName(token.name)
    guard entry(named: token.name) == nil else {
      throw BcshError(
        "a token named '\(token.name)' already exists", code: .alreadyExists,
        hint: "'token use \(token.name)' selects it")
    }
    writeBack()
    pending = Entry(place: nextPlace, box: TokenBox(token))
    pendingInTree = false
    nextPlace += 1
    changedNames.append(token.name)
    currentName = token.name
  }

  public mutating func use(_ name: String) throws(BcshError) {
    _ = try require(name)
    writeBack()
    currentName = name
  }

  public mutating func remove(_ name: String) throws(BcshError) {
    _ = try require(name)
    writeBack()
    entries[name] = nil
    changedNames.append(name)
    if currentName == name { currentName = entries.values.max { $0.place < $1.place }?.token.name }
  }

  public mutating func rename(_ old: String, to new: String) throws(BcshError) {
    _ = try require(old)
    guard entry(named: new) == nil else {
      throw BcshError("a token named \(ShownWord.quoted(new)) already exists", code: .alreadyExists)
    }
    try Session.checkName(new)
    writeBack()
    if var entry = entries.removeValue(forKey: old) {
      var token = entry.token
      token.name = new
      entry.box = TokenBox(token)
      entries[new] = entry
      changedNames += [old, new]
    }
    if currentName == old { currentName = new }
    // Storefront tokens name the account that minted them (for `token revoke`).
    for token in entries.values.map(\.token) where token.storefront?.mintedFrom == old {
      try update(token.name) { $0.storefront?.mintedFrom = new }
    }
  }

  /// Changes one token in place.
  public mutating func update(_ name: String, _ change: (inout Token) throws(BcshError) -> Void)
    throws(BcshError)
  {
    guard var entry = entry(named: name) else {
      _ = try require(name)
      return
    }
    var token = entry.token
    try change(&token)
    entry.box = TokenBox(token)
    if name == currentName {
      if pending == nil { pendingInTree = true }
      pending = entry
    } else {
      entries[name] = entry
    }
    changedNames.append(name)
  }

  /// The token called `name`, or an error that lists the names there are.
  public func require(_ name: String) throws(BcshError) -> Token {
    if let token = token(named: name) { return token }
    let names = tokens.map(\.name)
    let hint =
      Spelling.suggestion(for: name, among: names).map { "did you mean '\($0)'?" }
      ?? (names.isEmpty ? "'token new NAME' creates one" : "tokens: \(names.joined(separator: ", "))")
    throw BcshError("no token named \(ShownWord.quoted(name))", code: .unknownName, hint: hint)
  }

  /// The current token, or an error that says how to get one.
  public func requireCurrent() throws(BcshError) -> Token {
    guard let current else { throw noCurrentToken }
    return current
  }

  /// The error for a command that needs a current token when there is none.
  private var noCurrentToken: BcshError {
    BcshError(
      "no current token", code: .notReady,
      hint: tokenCount == 0 ? "'token new NAME' creates one" : "'token use NAME' selects one")
  }

  /// The names of the tokens added or changed since the last call.
  package mutating func takeChangedNames() -> [String] {
    defer { changedNames = [] }
    return changedNames
  }

  /// BigCommerce's rule for API account names, plus what bcsh needs to keep them usable as words.
  public static func checkName(_ name: String) throws(BcshError) {
    guard name.count >= Token.minimumNameLength else {
      throw BcshError(
        "token name \(ShownWord.quoted(name)) is too short", code: .invalidValue,
        hint: "BigCommerce requires API account names of at least \(Token.minimumNameLength) characters")
    }
    // Control characters (C0, DEL, C1, which holds a one-byte CSI, and bidirectional overrides)
    // would reach the terminal in every listing.
    guard name.count <= 100,
      !name.unicodeScalars.contains(where: ShownWord.isControl)
    else {
      throw BcshError(
        "token name must be one line of at most 100 characters, with no control characters",
        code: .invalidValue)
    }
  }

  private mutating func insert(_ token: Token) {
    entries[token.name] = Entry(place: nextPlace, box: TokenBox(token))
    nextPlace += 1
    changedNames.append(token.name)
  }

  // MARK: Equality and coding

  /// Two sessions are equal when they hold the same tokens in the same order and the same one is
  /// current. Sessions that share their storage (a draft nobody changed) compare in O(1).
  public static func == (left: Session, right: Session) -> Bool {
    guard left.currentName == right.currentName, left.tokenCount == right.tokenCount else {
      return false
    }
    return (left.pending == right.pending && left.entries == right.entries) || left.tokens == right.tokens
  }

  /// A session file naming one token twice.
  package struct DuplicateName: Error {
    package var name: String
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    for token in try container.decode([Token].self, forKey: .tokens) {
      guard entries[token.name] == nil else { throw DuplicateName(name: token.name) }
      insert(token)
    }
    currentName = try container.decodeIfPresent(String.self, forKey: .currentName)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(tokens, forKey: .tokens)
    try container.encodeIfPresent(currentName, forKey: .currentName)
  }

  enum CodingKeys: String, CodingKey {
    case tokens
    case currentName = "current"
  }
}
