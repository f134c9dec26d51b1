import BcshFormats
import BcshModel
import BcshPorts
import BcshSandbox
import BcshSandboxData
import BcshShell
import BcshVerify
import Foundation
import Testing

/// The store REST surface: credentials, store ownership, liveness, the store, path form.
@Suite struct StoreAPITests {
  let demo = SandboxConfiguration.roomy

  /// The body webhooks.v3.yml's 401_Unauthorized example shows.
  @Test func missingOrUnknownTokenIs401WithTheReferenceBody() async throws {
    try await withSandbox { sandbox in
      for token in [nil, "", "notarealtoken0000000000000000000"] {
        let response = try await sandbox.get("/v2/time", token: token)
        #expect(response.status == 401)
        #expect(response.header("Content-Type")?.hasPrefix("application/json") == true)
        #expect(response.jsonObject?["status"] as? Int == 401)
        #expect(
          response.jsonObject?["title"] as? String
            == "Unauthorized - the v3 Auth client ID or token in the request are not a valid combination for this store."
        )
        #expect(response.jsonObject?["type"] as? String == "/api-docs/getting-started/api-status-codes")
      }
    }
  }

  /// channels.v3.yml: the listings of a channel without any are 200 with empty data.
  @Test func listingsOfAnUnknownChannelAreEmptyNotMissing() async throws {
    try await withSandbox { sandbox in
      let response = try await sandbox.get("/v3/channels/987654/listings", token: demo.accessToken("full"))
      #expect(response.status == 200)
      #expect((response.jsonObject?["data"] as? [Any])?.isEmpty == true)
    }
  }

  @Test func tokenOnAnotherStoreIs403WithTheRealBody() async throws {
    try await withSandbox { sandbox in
      let other = try await sandbox.get("/v2/time", store: "sbxother02", token: demo.accessToken("full"))
      #expect(other.status == 403)
      #expect(other.text == missingScopeBody)
      let back = try await sandbox.get("/v2/time", token: demo.accessToken("other"))
      #expect(back.status == 403)
      #expect(back.text == missingScopeBody)
    }
  }

  @Test func unknownOrMalformedHashIs403() async throws {
    try await withSandbox { sandbox in
      for hash in ["nosuchstore", "store-sbxdemo001", "%7Bsbxdemo001%7D"] {
        let response = try await sandbox.get("/v2/time", store: hash, token: demo.accessToken("full"))
        #expect(response.status == 403, "hash \(hash)")
        #expect(response.text == missingScopeBody)
      }
    }
  }

  @Test func accountTokenOnStorePathIs403() async throws {
    try await withSandbox { sandbox in
      let response = try await sandbox.get("/v2/time", token: demo.accessToken("account"))
      #expect(response.status == 403)
    }
  }

  /// As BigCommerce's OpenAPI files say: `/v2/time` needs Information & Settings, `/v3/hooks`
  /// needs no scope (docs/bigcommerce.md).
  @Test func hooksAnswerEveryStoreTokenAndTimeNeedsInformation() async throws {
    var configuration = demo
    configuration.tokens.append(
      SandboxToken(
        name: "logs-only", accessToken: "logsonly00000000000000000000000", storeHash: "sbxdemo001",
        scopes: ["store_logs_read_only"]))
    try await withSandbox(configuration) { sandbox in
      for name in ["full", "migration", "partial", "readonly", "logs-only"] {
        let hooks = try await sandbox.get("/v3/hooks", token: configuration.accessToken(name))
        #expect(hooks.status == 200, "token \(name)")
        #expect(hooks.jsonObject?["data"] is [Any], "token \(name)")
      }
      for name in ["full", "migration", "readonly"] {
        let response = try await sandbox.get("/v2/time", token: configuration.accessToken(name))
        #expect(response.status == 200, "token \(name)")
        let time = response.jsonObject?["time"] as? Int ?? 0
        #expect(abs(time - Int(Date().timeIntervalSince1970)) < 60)
      }
      let refused = try await sandbox.get("/v2/time", token: configuration.accessToken("logs-only"))
      #expect(refused.status == 403)
      #expect(refused.text == missingScopeBody)
      // A token of another store is refused on hooks too.
      let other = try await sandbox.get("/v3/hooks", token: configuration.accessToken("other"))
      #expect(other.status == 403)
    }
  }

  @Test func storeReportsItsProfile() async throws {
    try await withSandbox { sandbox in
      let response = try await sandbox.get("/v2/store", token: demo.accessToken("readonly"))
      #expect(response.status == 200)
      let store = try #require(response.jsonObject)
      #expect(store["id"] as? String == "sbxdemo001")
      #expect(store["name"] as? String == "bcsh Sandbox Store")
      #expect(store["plan_name"] as? String == "Plus")
      #expect(store["domain"] as? String == "sandbox.example")
      #expect(store["secure_url"] as? String == "https://sandbox.example")
      #expect(store["account_uuid"] as? String == "5e1d0c0a-7f3b-4a8e-9c2d-1b6f0e4a2c7d")
      #expect(store["status"] as? String == "live")
    }
  }

  @Test func hooksAnswerAnyValidToken() async throws {
    var configuration = demo
    configuration.tokens.append(
      SandboxToken(name: "bare", accessToken: "bare0000000000000000000000000000", storeHash: "sbxdemo001"))
    try await withSandbox(configuration) { sandbox in
      let response = try await sandbox.get("/v3/hooks", token: configuration.accessToken("bare"))
      #expect(response.status == 200)
      #expect(response.jsonObject?["data"] is [Any])
    }
  }

  @Test func trailingSlashIs403() async throws {
    try await withSandbox { sandbox in
      let response = try await sandbox.get("/v2/time/", token: demo.accessToken("full"))
      #expect(response.status == 403)
      let products = try await sandbox.get("/v3/catalog/products/", token: demo.accessToken("full"))
      #expect(products.status == 403)
    }
  }

  @Test func unknownPathIs404Json() async throws {
    try await withSandbox { sandbox in
      let response = try await sandbox.get("/v3/no/such/endpoint", token: demo.accessToken("full"))
      #expect(response.status == 404)
      #expect(response.jsonObject?["status"] as? Int == 404)
    }
  }

  @Test func emptyV2ListIs204WithNoBody() async throws {
    var configuration = demo
    configuration.stores[1].couponCodes = ["WELCOME10"]
    try await withSandbox(configuration) { sandbox in
      let empty = try await sandbox.get("/v2/coupons?limit=1", token: demo.accessToken("migration"))
      #expect(empty.status == 204)
      #expect(empty.body.isEmpty)
      let filled = try await sandbox.get(
        "/v2/coupons?limit=1", store: "sbxother02", token: demo.accessToken("other"))
      #expect(filled.status == 200)
      #expect(filled.text.contains("WELCOME10"))
    }
  }

  @Test func v3ListsCarryDataAndPagination() async throws {
    try await withSandbox { sandbox in
      let response = try await sandbox.get("/v3/catalog/products?limit=1", token: demo.accessToken("full"))
      let object = try #require(response.jsonObject)
      #expect((object["data"] as? [Any])?.count == 1)
      let pagination = (object["meta"] as? [String: Any])?["pagination"] as? [String: Any]
      #expect(pagination?["per_page"] as? Int == 1)
      #expect(pagination?["total"] as? Int == 2)
    }
  }
}
