import FoundationEssentials

/// Where a storefront API token may be used: from a browser, from a server, or both.
public enum StorefrontUsage: String, Sendable, Equatable {
  case browser, server, both

  /// The last moment a storefront token may be created and still work server to server:
  /// 2026-06-30T23:59:59Z (the reference names the day; UTC is bcsh's reading).
  public static let serverToServerCreationCutoff = Date(timeIntervalSince1970: 1_782_863_999)
  /// The day server-to-server use ends for storefront tokens created on or before the cut-off:
  /// it works through 2027-03-31.
  /// 2027-03-31T23:59:59Z.
  public static let serverToServerEnd = Date(timeIntervalSince1970: 1_806_537_599)

  /// Where a token of `kind` created at `created` may be used at `now`.
  public static func of(_ kind: StorefrontTokenKind, created: Date, at now: Date) -> StorefrontUsage {
    switch kind {
    case .private, .impersonation: .server
    case .storefront:
      created <= serverToServerCreationCutoff && now <= serverToServerEnd ? .both : .browser
    }
  }
}
