import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import FoundationEssentials

/// The store-level API account that mints or revokes storefront tokens, and what its refusals mean.
enum StorefrontAccount {
  /// The account `name` names, its store hash and access token, or an error at the word.
  static func require(_ name: Given<String>, for kind: StorefrontTokenKind, in session: Session)
    throws(BcshError) -> (Token, String, Secret)
  {
    try BcshError.placing(at: name.position) { () throws(BcshError) in
      let account = try session.require(name.value)
      guard account.storefront == nil else {
        throw BcshError(
          "'\(account.name)' is a storefront token; storefront tokens are minted by a store-level API account",
          code: .invalidValue, hint: "--from a store-level token with \(kind.mintingScopeDescription)")
      }
      guard account.kind == .store else {
        throw BcshError(
          "'\(account.name)' is account-level; storefront tokens are minted by a store-level API account",
          code: .invalidValue, hint: "--from a store-level token with \(kind.mintingScopeDescription)")
      }
      guard case .store(let hash)? = account.apiPath, let accessToken = account.accessToken else {
        throw BcshError(
          "'\(account.name)' has no \(account.apiPath == nil ? "API path" : "access token") yet",
          code: .notReady,
          hint: "'token import FILE --into \(Word.typed(account.name))' brings in its credentials")
      }
      // Its declared scopes say it cannot: refuse before sending. An account that declares none
      // may still hold the scope, and the API's answer decides.
      if !account.grants.isEmpty, let scope = kind.mintingScope, account.level(of: scope.id) == nil {
        throw BcshError(
          "'\(account.name)' does not declare \(kind.mintingScopeDescription), which minting a "
            + "\(kind.rawValue) token needs",
          code: .notReady, hint: newAccountHint(kind))
      }
      return (account, hash, accessToken)
    }
  }

  /// "create an API account that has it ...".
  static func newAccountHint(_ kind: StorefrontTokenKind) -> String {
    let id = kind.mintingScope?.id ?? kind.mintingTokenString
    return "an API account never gains scopes: create one with it ('token new NAME', 'scope add \(id)', "
      + "'token checklist' lists the steps), import its file, then --from that token"
  }

  /// A failed request, said with the account's name and what to do.
  static func error(
    _ failure: StorefrontTokenClient.Failure, doing action: String, account: Token, kind: StorefrontTokenKind,
    at position: SourcePosition
  ) -> BcshError {
    switch failure {
    case .missingScope:
      return BcshError(
        "the API refused to \(action) (HTTP 403): '\(account.name)' lacks \(kind.mintingScopeDescription)",
        code: .network, hint: newAccountHint(kind), at: position)
    case .invalidToken:
      return BcshError(
        "the API refused '\(account.name)''s access token (HTTP 401)", code: .network,
        hint: "'verify \(Word.typed(account.name))' tells why", at: position)
    case .refused(let status, let detail):
      return BcshError(
        "the API did not \(action) (HTTP \(status))"
          + (detail.map { ": \(ShownWord.escaped($0))" } ?? ""),
        code: .network,
        hint: status != 422
          ? nil
          : action.hasPrefix("mint")
            ? "check the channel ids ('--channel') and the expiry"
            : "the API did not take the token: it may be revoked already, expired, or not this store's",
        at: position)
    case .unreachable(let diagnosis):
      return BcshError(
        "could not \(action): \(diagnosis.message)", code: .network, hint: diagnosis.advice, at: position)
    }
  }
}
