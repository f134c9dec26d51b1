import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// Scope names and levels from `ScopeCatalog`, spelled as `scope add` and `scope rm` accept them.
enum ScopeCandidates {
  /// `SCOPE[=LEVEL]` for a token of `kind`, leaving out scopes named earlier in the command (and,
  /// of a checkbox scope, the boxes named earlier). A scope's whole name, when nothing else
  /// matches, goes on to `SCOPE=` and then its levels.
  static func grants(typed: String, quoted: Bool, kind: TokenKind, earlier: [String?]) -> [Suggestion] {
    let named = earlier.compactMap { $0.flatMap { try? ScopeCatalog.resolveGrants($0, for: kind) } }
    let namedLevels = Dictionary(named.map { ($0.scope.id, $0.levels) }, uniquingKeysWith: +)
    if let equals = typed.lastIndex(of: "=") {
      return levels(of: String(typed[..<equals]), typed: typed, kind: kind) { scope in
        scope.choice == .checkboxes ? namedLevels[scope.id] ?? [] : []
      }
    }
    let scopes = ScopeCatalog.scopes(for: kind).filter { scope in
      guard let levels = namedLevels[scope.id] else { return true }
      return scope.choice == .checkboxes && !scope.levels.allSatisfy { levels.contains($0.level) }
    }
    let found = names(of: scopes, typed: typed, quoted: quoted) { "\($0.uiName) · \($0.levelList)" }
    if found.count == 1, let (scope, suggestion) = found.first, scope.levels.count > 1,
      suggestion.value.lowercased() == typed.lowercased()
    {
      return [Suggestion(suggestion.value + "=", detail: "levels: \(scope.levelList)", isComplete: false)]
    }
    return found.map(\.1)
  }

  /// Every scope of both kinds for `scope info`, and `default`/`webhooks` for the implicit scope.
  static func topics(typed: String, quoted: Bool) -> [Suggestion] {
    if let equals = typed.lastIndex(of: "=") {
      let name = String(typed[..<equals])
      let store = levels(of: name, typed: typed, kind: .store)
      return store.isEmpty ? levels(of: name, typed: typed, kind: .account) : store
    }
    let implicit = [
      Suggestion("default", detail: "the implicit scope every API account holds (webhooks)"),
      Suggestion("webhooks", detail: "the implicit default scope"),
    ].matching(typed)
    let found = TokenKind.allCases.flatMap { kind in
      names(of: ScopeCatalog.scopes(for: kind), typed: typed, quoted: quoted) {
        "\($0.uiName) · \($0.kind)-level"
      }
    }
    return found.map(\.1) + implicit
  }

  /// The scopes the current token declares, leaving out those named earlier in the command.
  static func declared(typed: String, quoted: Bool, token: Token?, earlier: [String?]) -> [Suggestion] {
    guard let token else { return [] }
    // `SCOPE=` on a checkbox scope: one of its ticked boxes.
    if let equals = typed.lastIndex(of: "=") {
      return levels(of: String(typed[..<equals]), typed: typed, kind: token.kind) { scope in
        scope.levels.map(\.level).filter { !token.levels(of: scope.id).contains($0) }
      }
    }
    let named = Set(
      earlier.compactMap { $0.flatMap { try? ScopeCatalog.resolve($0, for: token.kind).scope.id } })
    let scopes = token.grants.compactMap(\.scope).filter { !named.contains($0.id) }
    return names(of: scopes, typed: typed, quoted: quoted) { scope in
      "\(scope.uiName) · declared \(token.level(of: scope.id)?.rawValue ?? "")"
    }.map(\.1)
  }

  /// `SCOPE=LEVEL` for each level the scope that `name` means offers (only the one a token string
  /// fixes).
  static func levels(
    of name: String, typed: String, kind: TokenKind, excluding: (Scope) -> [AccessLevel] = { _ in [] }
  ) -> [Suggestion] {
    guard let (scope, implied) = try? ScopeCatalog.resolve(name, for: kind) else { return [] }
    let excluded = excluding(scope)
    return scope.levels.filter {
      (implied == nil || $0.level == implied) && !excluded.contains($0.level)
    }.map { grant in
      Suggestion(
        "\(name)=\(grant.level.rawValue)",
        detail: "\(scope.uiName) · \(grant.tokenString ?? "no published token string")")
    }.matching(typed)
  }

  /// One suggestion per scope that `typed` can start: its id, or its UI name when the word is quoted
  /// (the user is writing `"Information & Settings"`), or an alias; token strings once `typed` holds
  /// a `_`. With no such match, any spelling that matches ignoring punctuation gives the id.
  private static func names(
    of scopes: [Scope], typed: String, quoted: Bool, detail: (Scope) -> String
  ) -> [(Scope, Suggestion)] {
    let wanted = typed.lowercased()
    if typed.contains("_") {
      let strings = scopes.flatMap { scope in
        scope.levels.compactMap { grant in
          grant.tokenString.map { (scope, Suggestion($0, detail: "\(scope.uiName) · \(grant.level)")) }
        }
      }.filter { $0.1.value.hasPrefix(wanted) }
      if !strings.isEmpty { return strings }
    }
    var found: [(Scope, Suggestion)] = []
    for scope in scopes {
      let spellings = (quoted ? [scope.uiName, scope.id] : [scope.id, scope.uiName]) + scope.aliases
      if let spelling = spellings.first(where: { $0.lowercased().hasPrefix(wanted) }) {
        found.append((scope, Suggestion(spelling, detail: detail(scope))))
      }
    }
    guard found.isEmpty else { return found }
    let key = ScopeCatalog.key(typed)
    return scopes.filter { scope in
      ([scope.id, scope.uiName] + scope.aliases).contains { ScopeCatalog.key($0).hasPrefix(key) }
    }.map { ($0, Suggestion($0.id, detail: detail($0))) }
  }
}
