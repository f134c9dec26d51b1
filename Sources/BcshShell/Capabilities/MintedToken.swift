import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// A token the API minted, and its channel's storefront address when the account could read it.
public struct MintedToken: Sendable {
  public var token: String
  public var site: String?
}
