/// Every scope bcsh knows, in control-panel order, and the ways users name them.
public enum ScopeCatalog {
  /// Both kinds' scopes, store first.
  public static let all: [Scope] = storeScopes + accountScopes

  public static func scopes(for kind: TokenKind) -> [Scope] {
    kind == .store ? storeScopes : accountScopes
  }

  /// The scope with this id, if any.
  public static func scope(id: String) -> Scope? { byID[id] }

  /// The id a session file's scope id stands for today (earlier versions used other ids).
  public static func currentID(_ id: String) -> String { renamedIDs[id] ?? id }

  /// A scope's position in control-panel order, for sorting.
  public static func order(of id: String) -> Int { orderByID[id] ?? Int.max }

  /// The kebab-case id of a UI name: `Information & Settings` becomes `information-settings`.
  public static func slug(_ uiName: String) -> String {
    if let fast = asciiSlug(uiName) { return fast }
    var words: [String] = []
    var word = ""
    for character in uiName.lowercased() {
      if character.isASCII, character.isLetter || character.isNumber {
        word.append(character)
      } else if !word.isEmpty {
        words.append(word)
        word = ""
      }
    }
    if !word.isEmpty { words.append(word) }
    return words.joined(separator: "-")
  }

  /// The key spellings are compared by: letters and digits only, lower case. `"Sites & Routes"`,
  /// `sites-routes` and `SITES_ROUTES` share one key.
  package static func key(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII text (every name typed in a script): bytes, no Unicode property lookups.
      return String(decoding: text.utf8.compactMap(asciiLowercaseAlphanumeric), as: UTF8.self)
    }
    return String(text.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
  }

  /// `slug` for ASCII text, by bytes; nil for any other text.
  private static func asciiSlug(_ text: String) -> String? {
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
    var bytes: [UInt8] = []
    var pendingDash = false
    for byte in text.utf8 {
      guard let kept = asciiLowercaseAlphanumeric(byte) else {
        pendingDash = !bytes.isEmpty
        continue
      }
      if pendingDash { bytes.append(UInt8(ascii: "-")) }
      pendingDash = false
      bytes.append(kept)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Whether `text` is its own slug (`modify`, `read-only`): lowercase ASCII letters and digits in
  /// runs joined by single dashes.
  private static func isSlug(_ text: String) -> Bool {
    var previous: UInt8 = UInt8(ascii: "-")
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
      case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
      default: return false
      }
      previous = byte
    }
    return previous != UInt8(ascii: "-")
  }

  /// An ASCII letter (lowercased) or digit; nil for anything else.
  private static func asciiLowercaseAlphanumeric(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
    default: nil
    }
  }

  /// Finds the scope a user means by `name` (an id, a UI name in any case or spelling, an alias, or
  /// a token string) on a token of `kind`. A token string also fixes the level.
  ///
  /// Errors name the problem: a scope of the other kind, or an unknown name with a suggestion.
  public static func resolve(_ name: String, for kind: TokenKind) throws(BcshError) -> (
    scope: Scope, level: AccessLevel?
  ) {
    if let hit = byTokenString[name] {
      guard hit.scope.kind == kind else { throw wrongKind(hit.scope, name: name) }
      return hit
    }
    let table = kind == .store ? storeByKey : accountByKey
    // A name already in key form (`products`) is its own key: one lookup, no new string.
    if let scope = table[name] { return (scope, nil) }
    let wanted = key(name)
    if let scope = table[wanted] { return (scope, nil) }
    if let scope = byKey[kind.other]?[wanted] { throw wrongKind(scope, name: name) }
    let ids = scopes(for: kind).map(\.id)
    let guess =
      Spelling.suggestion(for: slug(name), among: ids)
      ?? Spelling.suggestion(for: name, among: scopes(for: kind).compactMap { $0.levels.last?.tokenString })
    throw BcshError(
      "unknown scope \(ShownWord.quoted(name))", code: .unknownName,
      hint: guess.map { "did you mean '\($0)'? ('scope list --all' shows every scope)" }
        ?? "valid \(kind) scopes: \(ids.joined(separator: ", "))")
  }

  /// Resolves `SCOPE[=LEVEL]` to one level: the level given, the one a token string names, or the
  /// highest.
  public static func resolveGrant(_ text: String, for kind: TokenKind) throws(BcshError) -> (
    scope: Scope, level: AccessLevel
  ) {
    let (scope, level) = try resolveLevel(text, for: kind)
    return (scope, level ?? scope.highestLevel)
  }

  /// Resolves `SCOPE[=LEVEL]` to what `scope add` declares: the level given, the one a token
  /// string names, or the scope's default levels (every box of a checkbox scope).
  public static func resolveGrants(_ text: String, for kind: TokenKind) throws(BcshError) -> (
    scope: Scope, levels: [AccessLevel]
  ) {
    let (scope, level) = try resolveLevel(text, for: kind)
    return (scope, level.map { [$0] } ?? scope.defaultLevels)
  }

  /// The scope and the level the text names (`=LEVEL` or a token string), if it names one.
  package static func resolveLevel(_ text: String, for kind: TokenKind) throws(BcshError) -> (
    scope: Scope, level: AccessLevel?
  ) {
    var name = text
    var levelText: String?
    // ASCII text (what scripts hold) is searched by bytes: finding a Character walks grapheme
    // breaks, 2% of a replay of `scope add` lines.
    let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
    if let equals = isASCII ? text.utf8.lastIndex(of: UInt8(ascii: "=")) : text.lastIndex(of: "=") {
      name = String(text[..<equals])
      levelText = String(text[text.index(after: equals)...])
    }
    let (scope, implied) = try resolve(name, for: kind)
    guard let levelText else { return (scope, implied) }
    let level = AccessLevel(rawValue: isSlug(levelText) ? levelText : ScopeCatalog.slug(levelText))
    guard scope.offers(level) else {
      throw BcshError(
        "scope '\(scope.id)' has no level \(ShownWord.quoted(levelText))", code: .invalidValue,
        hint: "its levels are: \(scope.levelList)")
    }
    if let implied, implied != level {
      throw BcshError(
        "\(ShownWord.quoted(name)) is the \(implied) token string, but the level given is \(ShownWord.quoted(levelText))",
        code: .invalidValue,
        hint: "write '\(scope.id)=\(levelText)'")
    }
    return (scope, level)
  }

  private static func wrongKind(_ scope: Scope, name: String) -> BcshError {
    let valid = scopes(for: scope.kind.other).map(\.id).joined(separator: ", ")
    return BcshError(
      "\(ShownWord.quoted(name)) is \(scope.kind == .account ? "an account" : "a store")-level scope; "
        + "this token is \(scope.kind.other == .account ? "an account" : "a store")-level token",
      code: .invalidValue,
      hint: "scopes valid here: \(valid)")
  }

  private static let byID: [String: Scope] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.id, $0) })

  private static let orderByID: [String: Int] = Dictionary(
    uniqueKeysWithValues: all.enumerated().map { ($0.element.id, $0.offset) })

  private static let byTokenString: [String: (scope: Scope, level: AccessLevel?)] = {
    var table: [String: (scope: Scope, level: AccessLevel?)] = [:]
    for scope in all {
      for grant in scope.levels {
        if let token = grant.tokenString { table[token] = (scope, grant.level) }
      }
    }
    return table
  }()

  private static let storeByKey = byKey[.store] ?? [:]
  private static let accountByKey = byKey[.account] ?? [:]

  private static let byKey: [TokenKind: [String: Scope]] = {
    var table: [TokenKind: [String: Scope]] = [:]
    for scope in all {
      for spelling in [scope.id, scope.uiName] + scope.aliases {
        table[scope.kind, default: [:]][key(spelling)] = scope
      }
    }
    return table
  }()
}
