import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// What `scope info` describes: a scope of the catalog (at a level, if one was named) or the
/// implicit `default` scope.
enum ScopeTopic: ShellArgument {
  case scope(Scope, level: AccessLevel?)
  case implicitDefault

  static var kind: ArgumentKind { .scopeTopic }

  init(argument: String) throws(BcshError) { self = try Self.resolve(argument) }

  /// Any spelling `scope add` takes, for a scope of either kind, or `default`/`webhooks`.
  static func resolve(_ name: String) throws(BcshError) -> ScopeTopic {
    if ["default", "webhooks"].contains(ScopeCatalog.key(name)) { return .implicitDefault }
    let named = { (kind: TokenKind) throws(BcshError) -> ScopeTopic in
      if name.contains("=") {
        let (scope, level) = try ScopeCatalog.resolveGrant(name, for: kind)
        return .scope(scope, level: level)
      }
      let (scope, implied) = try ScopeCatalog.resolve(name, for: kind)
      return .scope(scope, level: implied)
    }
    do throws(BcshError) {
      return try named(.store)
    } catch let storeError {
      if let topic = try? named(.account) { return topic }
      var error = storeError
      if error.code == .unknownName, error.hint?.hasPrefix("did you mean") != true {
        error.hint = (error.hint.map { $0 + ", " } ?? "") + "or default (webhooks)"
      }
      throw error
    }
  }
}
