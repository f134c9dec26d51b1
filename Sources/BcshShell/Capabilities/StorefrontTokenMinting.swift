import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// The capability to mint and revoke GraphQL Storefront API tokens through the REST API.
public protocol StorefrontTokenMinting: Sendable {
  /// Mints a token with the API account `account` (a store-level token with credentials); nil
  /// under `--dry-run`, which sends nothing.
  func mint(_ request: StorefrontTokenRequest, storeHash: String, with account: Secret, timeout: Duration)
    async throws(StorefrontTokenClient.Failure) -> MintedToken?

  /// Revokes `token` with `account`; false under `--dry-run`.
  func revoke(_ token: Secret, storeHash: String, with account: Secret, timeout: Duration)
    async throws(StorefrontTokenClient.Failure) -> Bool
}
