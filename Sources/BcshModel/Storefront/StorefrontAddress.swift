/// Where a storefront token's GraphQL requests go (docs/bigcommerce.md, "GraphQL Storefront
/// tokens"): `BCSH_STOREFRONT_BASE` when set (checked as `BCSH_API_BASE` is: http only on
/// loopback), else the channel's site when verify read it from `/v3/sites`, else Catalyst's form,
/// `https://store-HASH-CHANNEL.mybigcommerce.com`.
public enum StorefrontAddress {
  /// The domain Catalyst's client puts after `store-HASH-CHANNEL.`.
  public static let catalystDomain = "mybigcommerce.com"

  /// The `/graphql` address for a store's channel.
  /// - Parameters:
  ///   - override: `BCSH_STOREFRONT_BASE`, if set.
  ///   - site: the channel's site URL (`https://shop.example.com`), if known.
  public static func graphQL(storeHash: String, channel: Int, override: String?, site: String?)
    throws(BcshError) -> String
  {
    if let override {
      return try APIBase.validated(override) + "/graphql"
    }
    if let site, let checked = try? APIBase.validated(site), checked.hasPrefix("https://") {
      return checked + "/graphql"
    }
    return "https://store-\(storeHash)-\(channel).\(catalystDomain)/graphql"
  }
}
