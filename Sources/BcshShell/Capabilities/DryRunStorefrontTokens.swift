import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `--dry-run`: the request was checked; nothing is sent.
struct DryRunStorefrontTokens: StorefrontTokenMinting {
  func mint(_ request: StorefrontTokenRequest, storeHash: String, with account: Secret, timeout: Duration)
    async throws(StorefrontTokenClient.Failure) -> MintedToken?
  { nil }

  func revoke(_ token: Secret, storeHash: String, with account: Secret, timeout: Duration)
    async throws(StorefrontTokenClient.Failure) -> Bool
  { false }
}
