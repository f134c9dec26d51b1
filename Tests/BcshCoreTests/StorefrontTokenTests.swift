import Foundation
import Testing

@testable import BcshFormats
@testable import BcshModel

/// Storefront API token requests as the reference describes them, expiry as users write it, and
/// where each kind may be used around BigCommerce's server-to-server cut-off.
@Suite struct StorefrontTokenTests {
  /// 2026-12-05T00:00:00Z.
  let now = Date(timeIntervalSince1970: 1_796_428_800)

  private func body(_ request: StorefrontTokenRequest) -> String { request.body.serialized(pretty: false) }

  @Test func oneChannelIsChannelIDAndSeveralAreChannelIDsNeverBoth() throws {
    let one = try StorefrontTokenRequest(kind: .storefront, channels: [1], expiresAt: 1_885_635_176, now: now)
    #expect(body(one) == #"{"channel_id":1,"expires_at":1885635176}"#)
    let several = try StorefrontTokenRequest(
      kind: .storefront, channels: [1, 12, 1], expiresAt: 1_885_635_176, origins: ["https://www.example.com"],
      now: now)
    #expect(
      body(several)
        == #"{"allowed_cors_origins":["https://www.example.com"],"channel_ids":[1,12],"expires_at":1885635176}"#
    )
  }

  @Test func privateTokensCarryTheirScopesAndNeedOne() throws {
    let request = try StorefrontTokenRequest(
      kind: .private, channels: [1], expiresAt: 1_885_635_176,
      scopes: [.unauthenticated, .customer, .customer],
      now: now)
    #expect(
      body(request) == #"{"channel_id":1,"expires_at":1885635176,"scopes":["Unauthenticated","Customer"]}"#)
    #expect(throws: BcshError.self) {
      try StorefrontTokenRequest(kind: .private, channels: [1], expiresAt: 1_885_635_176, now: now)
    }
  }

  @Test(arguments: [
    (
      StorefrontTokenKind.storefront, [1], [String](), [StorefrontScope.customer],
      "storefront tokens have no scopes"
    ),
    (.impersonation, [1], [], [.customer], "customer impersonation tokens have no scopes"),
    (.private, [1], ["https://a.example"], [.customer], "only storefront tokens take CORS origins"),
    (
      .storefront, [1], ["https://a.example", "https://b.example", "https://c.example"], [],
      "at most 2 CORS origins"
    ),
    (.storefront, [1], ["www.example.com"], [], "is not an origin"),
    (.storefront, [1], ["https://example.com/shop"], [], "is not an origin"),
    (.storefront, [], [], [], "at least one channel"),
    (.storefront, [0], [], [], "channel 0 is not a channel id"),
  ])
  func aBadBodyIsRefusedBeforeSending(
    kind: StorefrontTokenKind, channels: [Int], origins: [String], scopes: [StorefrontScope], message: String
  ) {
    #expect {
      try StorefrontTokenRequest(
        kind: kind, channels: channels, expiresAt: 1_885_635_176, origins: origins, scopes: scopes, now: now)
    } throws: { error in
      (error as? BcshError)?.message.contains(message) == true
    }
  }

  @Test func expiriesAreWholeSecondsInTheFuture() throws {
    let base = Int(now.timeIntervalSince1970)
    #expect(try TokenExpiry.seconds("30d", now: now) == base + 30 * 86_400)
    #expect(try TokenExpiry.seconds("12h", now: now) == base + 12 * 3600)
    #expect(try TokenExpiry.seconds("2027-03-31", now: now) == 1_806_451_200)
    #expect(try TokenExpiry.seconds("2027-03-31T12:00:00Z", now: now) == 1_806_494_400)
    #expect(try TokenExpiry.seconds("1885635176", now: now) == 1_885_635_176)
    for refused in ["2026-12-04", "1600000000", "1885635176000", "0d", "30x", "2027-02-30", "tomorrow", ""] {
      #expect(throws: BcshError.self, "\(refused)") { try TokenExpiry.seconds(refused, now: now) }
    }
    #expect(TokenExpiry.dayText(1_806_451_200) == "2027-03-31")
    #expect(TokenExpiry.dayText(0) == "1970-01-01")
  }

  /// Numbers at the edge of Int neither crash nor mint: an expiry is at most ten years away in
  /// every form, and claims or files that are no plausible time are not computed on.
  @Test func hostileTimesAreRefusedNotComputedOn() throws {
    for refused in [
      "9223372036854775807d", "9223372036854775807h", "106751991167300d", "3654d", "9999-12-31",
      "4000000000", "9999-12-31T23:59:59Z",
    ] {
      #expect(throws: BcshError.self, "\(refused)") { try TokenExpiry.seconds(refused, now: now) }
    }
    #expect(try TokenExpiry.seconds("3653d", now: now) == Int(now.timeIntervalSince1970) + 3653 * 86_400)
    #expect(TokenExpiry.dayText(Int.min) == "1970-01-01")
    #expect(TokenExpiry.dayText(Int.max) == "9999-12-31")
    #expect(TokenExpiry.timeText(Int.max) == "9999-12-31T23:59:59Z")

    func jwt(_ payload: String) -> String {
      let encoded = Data(payload.utf8).base64EncodedString().replacing("=", with: "")
        .replacing("+", with: "-").replacing("/", with: "_")
      return "eyJhbGciOiJFUzI1NiJ9.\(encoded).c2ln"
    }
    let hostile = try #require(
      TokenClaims(of: jwt(#"{"iat":-9223372036854775808,"eat":9223372036854775807}"#)))
    #expect(hostile.issuedAt == nil && hostile.expiresAt == nil)

    for (field, value) in [("expires_at", "-9223372036854775808"), ("minted_at", "9223372036854775807")] {
      var record: [String: String] = [
        "kind": "\"private\"", "channels": "[1]", "expires_at": "1885635176", "minted_at": "1796428800",
        "minted_from": "\"minter-acct\"",
      ]
      record[field] = value
      let fields = record.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(
        separator: ", ")
      let file = """
        {"format": "bcsh-session", "version": 1, "session": {"tokens": [
          {"name": "server-tok", "kind": "store", "storefront": {\(fields)}}
        ]}}
        """
      #expect(throws: BcshError.self, "\(field)") { try SessionFile.parse(file, source: "hostile.json") }
    }
  }

  @Test func expiryIsSaidInDaysToTheNearestAndInHoursUnderADay() {
    let base = 1_796_428_800
    let record = StorefrontTokenRecord(
      kind: .private, channels: [1], expiresAt: base + 30 * 86_400, scopes: [.unauthenticated],
      mintedAt: base,
      mintedFrom: "minter-acct")
    func phrase(_ offset: Int) -> String {
      record.expiryPhrase(at: Date(timeIntervalSince1970: TimeInterval(base + offset)))
    }
    #expect(phrase(0) == "in 30 days")
    #expect(phrase(5) == "in 30 days")
    #expect(phrase(13 * 3600) == "in 29 days")
    #expect(phrase(29 * 86_400 + 3600) == "in 23 hours")
    #expect(phrase(30 * 86_400 - 60) == "in less than an hour")
    #expect(phrase(30 * 86_400) == "expired less than an hour ago")
    #expect(phrase(30 * 86_400 + 2 * 3600) == "expired 2 hours ago")
    #expect(phrase(33 * 86_400) == "expired 3 days ago")
    #expect(record.lapsesSoon(at: Date(timeIntervalSince1970: TimeInterval(base + 17 * 86_400))))
    #expect(!record.lapsesSoon(at: Date(timeIntervalSince1970: TimeInterval(base + 16 * 86_400 - 1))))
  }

  @Test func storefrontTokensLoseServerUseAtTheCutOff() {
    func at(_ text: String) -> Date {
      Date(timeIntervalSince1970: TimeInterval(TokenExpiry.utcSeconds(text)!))
    }
    let before = at("2026-06-30T12:00:00Z")
    let after = at("2026-07-01T00:00:00Z")
    #expect(StorefrontUsage.of(.storefront, created: before, at: at("2027-03-31T23:00:00Z")) == .both)
    #expect(StorefrontUsage.of(.storefront, created: before, at: at("2027-04-01T00:00:00Z")) == .browser)
    #expect(StorefrontUsage.of(.storefront, created: after, at: after) == .browser)
    #expect(StorefrontUsage.of(.private, created: after, at: after) == .server)
    #expect(StorefrontUsage.of(.impersonation, created: before, at: before) == .server)
  }

  @Test func scopesReadAsTheAPISpellsThem() {
    #expect(StorefrontScope(spelling: "customer") == .customer)
    #expect(StorefrontScope(spelling: "B2B") == .b2b)
    #expect(StorefrontScope(spelling: "admin") == nil)
  }
}

/// A storefront token's own claims, read for display only.
@Suite struct TokenClaimsTests {
  /// `header.payload.signature` with the payload base64url-encoded, no padding.
  private func jwt(_ payload: String) -> String {
    let encoded = Data(payload.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    return "eyJhbGciOiJFUzI1NiJ9.\(encoded).c2lnbmF0dXJl"
  }

  @Test func theClaimsBigCommerceTokensCarryAreRead() throws {
    let claims = try #require(
      TokenClaims(
        of: jwt(#"{"cid":[1,12],"cors":["https://shop.example"],"eat":1885635176,"iat":1796428800}"#)))
    #expect(claims.channels == [1, 12])
    #expect(claims.origins == ["https://shop.example"])
    #expect(claims.expiresAt == 1_885_635_176)
    #expect(claims.issuedAt == 1_796_428_800)
    #expect(TokenClaims(of: jwt(#"{"cid":3,"exp":5}"#))?.channels == [3])
    #expect(TokenClaims(of: jwt(#"{"cid":3,"exp":5}"#))?.expiresAt == 5)
  }

  @Test(arguments: ["not a token", "a.b", "a.%%%.c", "eyJhbGciOiJFUzI1NiJ9.WzFd.c2ln", ""])
  func anythingElseHasNoClaims(token: String) {
    #expect(TokenClaims(of: token) == nil)
  }
}

/// Where a storefront token's GraphQL requests go.
@Suite struct StorefrontAddressTests {
  @Test func theOverrideThenTheSiteThenCatalystsForm() throws {
    #expect(
      try StorefrontAddress.graphQL(storeHash: "abc123", channel: 2, override: nil, site: nil)
        == "https://store-abc123-2.mybigcommerce.com/graphql")
    #expect(
      try StorefrontAddress.graphQL(
        storeHash: "abc123", channel: 1, override: nil, site: "https://shop.example/")
        == "https://shop.example/graphql")
    // A site that is not https is not trusted with a token; Catalyst's form is used instead.
    #expect(
      try StorefrontAddress.graphQL(
        storeHash: "abc123", channel: 1, override: nil, site: "http://shop.example")
        == "https://store-abc123-1.mybigcommerce.com/graphql")
    #expect(
      try StorefrontAddress.graphQL(
        storeHash: "abc123", channel: 1, override: "http://127.0.0.1:8080", site: "https://shop.example")
        == "http://127.0.0.1:8080/graphql")
    #expect(throws: BcshError.self) {
      try StorefrontAddress.graphQL(
        storeHash: "abc123", channel: 1, override: "http://example.com", site: nil)
    }
  }
}
