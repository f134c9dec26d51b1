import BcshModel
import Foundation
import JSONText
import Synchronization
import Testing

@testable import BcshSandbox
@testable import BcshSandboxData

/// The sandbox's storefront API token endpoints, checked against the reference's rules: the three
/// creates with their scopes and bodies, revoke, and the storefront's `/graphql`.
@Suite struct StorefrontTokenSandboxTests {
  /// A sandbox whose wall clock reads 2026-12-05T00:00:00Z.
  let api = SandboxAPI(configuration: .roomy, wallClock: { 1_796_428_800 })
  let store = "/stores/sbxdemo001/v3/storefront/"

  private func send(
    _ method: String, _ target: String, token: String = SandboxConfiguration.roomy.accessToken("full"),
    body: String = "", headers: [(name: String, value: String)] = []
  ) -> (status: Int, json: JSONValue?) {
    let request = SandboxRequest(
      method: method, target: target, headers: [("X-Auth-Token", token)] + headers, body: Array(body.utf8))
    let response = api.respond(to: request)
    return (response.status, try? JSONReader.value(response.body))
  }

  private func mint(_ path: String, _ body: String) -> String? {
    send("POST", store + path, body: body).json?["data"]?["token"]?.string
  }

  private func graphQL(_ token: String, origin: String? = nil) -> (status: Int, json: JSONValue?) {
    let request = SandboxRequest(
      method: "POST", target: "/graphql",
      headers: [("Authorization", "Bearer \(token)")] + (origin.map { [("Origin", $0)] } ?? []),
      body: Array(#"{"query":"{ site { settings { storeName } } }"}"#.utf8))
    let response = api.respond(to: request)
    return (response.status, try? JSONReader.value(response.body))
  }

  @Test func eachKindIsMintedAndAnswersTheProbe() throws {
    let storefront = try #require(
      mint(
        "api-token",
        #"{"allowed_cors_origins":["https://shop.example"],"channel_id":1,"expires_at":1885635176}"#))
    let privateToken = try #require(
      mint("api-token-private", #"{"channel_ids":[1],"expires_at":1885635176,"scopes":["Unauthenticated"]}"#))
    let impersonation = try #require(
      mint("api-token-customer-impersonation", #"{"channel_id":1,"expires_at":1885635176}"#))
    #expect(Set([storefront, privateToken, impersonation]).count == 3)
    for (token, origin) in [(storefront, "https://shop.example"), (privateToken, nil), (impersonation, nil)] {
      let answer = graphQL(token, origin: origin)
      #expect(answer.status == 200)
      #expect(answer.json?["data"]?["site"]?["settings"]?["storeName"]?.string != nil)
    }
  }

  /// bcsh reads what a minted token says of itself (for display only).
  @Test func aMintedTokenCarriesItsChannelsOriginsAndExpiry() throws {
    let token = try #require(
      mint(
        "api-token",
        #"{"allowed_cors_origins":["https://shop.example"],"channel_ids":[1],"expires_at":1885635176}"#))
    let claims = try #require(TokenClaims(of: token))
    #expect(claims.channels == [1])
    #expect(claims.origins == ["https://shop.example"])
    #expect(claims.expiresAt == 1_885_635_176)
    #expect(claims.issuedAt == 1_796_428_800)
  }

  @Test func aPrivateTokenWithoutUnauthenticatedGetsInsufficientAccessScope() throws {
    let token = try #require(
      mint("api-token-private", #"{"channel_id":1,"expires_at":1885635176,"scopes":["Customer"]}"#))
    let error = try #require(graphQL(token).json?["errors"]?.elements?.first)
    #expect(error["extensions"]?["code"]?.string == "INSUFFICIENT_ACCESS_SCOPE")
    #expect(error["extensions"]?["requiredScopes"] == ["Unauthenticated"])
  }

  @Test(arguments: [
    ("api-token", #"{"channel_id":1}"#),
    ("api-token", #"{"expires_at":"1885635176","channel_id":1}"#),
    ("api-token", #"{"expires_at":1885635176}"#),
    ("api-token", #"{"expires_at":1885635176,"channel_id":1,"channel_ids":[1]}"#),
    ("api-token", #"{"expires_at":1885635176,"channel_id":7}"#),
    ("api-token", #"{"expires_at":1885635176,"channel_id":1,"allowed_cors_origins":["a","b","c"]}"#),
    ("api-token", #"{"expires_at":1885635176,"channel_id":1,"scopes":["Customer"]}"#),
    ("api-token-private", #"{"expires_at":1885635176,"channel_id":1}"#),
    ("api-token-private", #"{"expires_at":1885635176,"channel_id":1,"scopes":[]}"#),
    ("api-token-private", #"{"expires_at":1885635176,"channel_id":1,"scopes":["Admin"]}"#),
    ("api-token-customer-impersonation", #"{"expires_at":1885635176,"channel_id":1,"scopes":["Customer"]}"#),
    ("api-token", "not json"),
  ])
  func aBadBodyIs422(path: String, body: String) {
    #expect(send("POST", store + path, body: body).status == 422)
  }

  @Test func anAccountWithoutTheScopeIs403() {
    let migration = SandboxConfiguration.roomy.accessToken("migration")
    let body = #"{"channel_id":1,"expires_at":1885635176}"#
    #expect(send("POST", store + "api-token", token: migration, body: body).status == 403)
    #expect(
      send("POST", store + "api-token-customer-impersonation", token: migration, body: body).status == 403)
  }

  @Test func aRevokedOrExpiredTokenNoLongerAnswers() throws {
    let token = try #require(mint("api-token", #"{"channel_id":1,"expires_at":1885635176}"#))
    #expect(send("DELETE", store + "api-token", headers: [("Sf-Api-Token", token)]).status == 200)
    #expect(graphQL(token).status == 401)
    #expect(send("DELETE", store + "api-token", headers: [("Sf-Api-Token", "nonsense")]).status == 422)
    #expect(send("DELETE", store + "api-token").status == 422)
    let expired = try #require(mint("api-token", #"{"channel_id":1,"expires_at":1796428800}"#))
    #expect(graphQL(expired).status == 401)
  }

  /// graphql-storefront.mdx: private and impersonation tokens are refused from browsers; a storefront
  /// token created after 2026-06-30 is refused server to server, one created before it until
  /// 2027-03-31.
  @Test func browsersAndServersAreToldApartByOrigin() throws {
    let body = #"{"channel_id":1,"expires_at":1885635176}"#
    let privateToken = try #require(
      mint("api-token-private", #"{"channel_id":1,"expires_at":1885635176,"scopes":["Unauthenticated"]}"#))
    #expect(graphQL(privateToken, origin: "https://shop.example").status == 403)
    let acting = try #require(mint("api-token-customer-impersonation", body))
    #expect(graphQL(acting, origin: "https://shop.example").status == 403)
    let browser = try #require(mint("api-token", body))
    #expect(graphQL(browser).status == 403)
    #expect(graphQL(browser, origin: "https://shop.example").status == 200)

    // Minted on 2026-06-30 at noon: server to server until the end of 2027-03-31.
    let clock = Mutex(1_782_820_800)
    let older = SandboxAPI(configuration: .roomy, wallClock: { clock.withLock { $0 } })
    let request = SandboxRequest(
      method: "POST", target: store + "api-token",
      headers: [("X-Auth-Token", SandboxConfiguration.roomy.accessToken("full"))], body: Array(body.utf8))
    let token = try #require(try JSONReader.value(older.respond(to: request).body)["data"]?["token"]?.string)
    func probe() -> Int {
      older.respond(
        to: SandboxRequest(
          method: "POST", target: "/graphql", headers: [("Authorization", "Bearer \(token)")],
          body: Array(#"{"query":"{ site { settings { storeName } } }"}"#.utf8))
      ).status
    }
    #expect(probe() == 200)
    clock.withLock { $0 = 1_806_537_599 }
    #expect(probe() == 200)
    clock.withLock { $0 = 1_806_537_600 }
    #expect(probe() == 403)
  }
}
