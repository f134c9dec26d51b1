import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
import Testing

@testable import BcshSandbox
@testable import BcshSandboxData

/// The per-store fixed window: headers on every response, 429 past the quota, reset after the window.
@Suite struct RateLimitTests {
  static let headerNames = [
    "X-Rate-Limit-Time-Window-Ms", "X-Rate-Limit-Time-Reset-Ms", "X-Rate-Limit-Requests-Quota",
    "X-Rate-Limit-Requests-Left",
  ]

  func configuration(quota: Int, windowMilliseconds: Int) -> SandboxConfiguration {
    var configuration = SandboxConfiguration.demo
    configuration.quota = quota
    configuration.windowMilliseconds = windowMilliseconds
    return configuration
  }

  @Test func everyStoreResponseCarriesTheHeaders() async throws {
    let configuration = configuration(quota: 40, windowMilliseconds: 30_000)
    try await withSandbox(configuration) { sandbox in
      let full = configuration.accessToken("full")
      let responses = [
        try await sandbox.get("/v2/time", token: full),
        try await sandbox.get("/v3/carts/\(ReferenceProbe.cartID)", token: full),
        try await sandbox.get("/v2/coupons", token: configuration.accessToken("partial")),
        try await sandbox.get("/v2/time", token: nil),
      ]
      for response in responses {
        for name in Self.headerNames {
          #expect(response.header(name) != nil, "\(name) on \(response.status)")
        }
        #expect(response.intHeader("X-Rate-Limit-Requests-Quota") == 40)
        #expect(response.intHeader("X-Rate-Limit-Time-Window-Ms") == 30_000)
      }
      #expect(responses.map { $0.intHeader("X-Rate-Limit-Requests-Left") } == [39, 38, 37, 37])
    }
  }

  @Test func overQuotaIs429WithSaneResetHeaders() async throws {
    let configuration = configuration(quota: 5, windowMilliseconds: 30_000)
    try await withSandbox(configuration) { sandbox in
      let token = configuration.accessToken("readonly")
      var left: [Int?] = []
      for _ in 0..<5 {
        let response = try await sandbox.get("/v2/time", token: token)
        #expect(response.status == 200)
        left.append(response.intHeader("X-Rate-Limit-Requests-Left"))
      }
      #expect(left == [4, 3, 2, 1, 0])
      let refused = try await sandbox.get("/v2/time", token: token)
      #expect(refused.status == 429)
      #expect(refused.intHeader("X-Rate-Limit-Requests-Left") == 0)
      let reset = try #require(refused.intHeader("X-Rate-Limit-Time-Reset-Ms"))
      #expect(reset > 25_000 && reset <= 30_000)
      let retry = try #require(refused.intHeader("X-Retry-After"))
      #expect(retry >= 1 && retry <= 30 && retry * 1000 >= reset)
      // The quota is the store's, shared by every token; the other store has its own.
      let sameStore = try await sandbox.get("/v2/time", token: configuration.accessToken("full"))
      #expect(sameStore.status == 429)
      let otherStore = try await sandbox.get(
        "/v2/time", store: "sbxother02", token: configuration.accessToken("other"))
      #expect(otherStore.status == 200)
    }
  }

  /// The window runs on the API's clock (the time each request came in), so a test hands in the
  /// instants instead of sleeping through a window.
  @Test func windowResetsAfterItsLength() throws {
    let configuration = configuration(quota: 2, windowMilliseconds: 2000)
    let api = SandboxAPI(configuration: configuration)
    let token = configuration.accessToken("full")
    let store = try #require(configuration.stores.first).hash
    let start = ContinuousClock.now
    func get(after milliseconds: Int) -> SandboxResponse {
      api.respond(
        to: SandboxRequest(
          method: "GET", target: "/stores/\(store)/v2/time", headers: [("X-Auth-Token", token)]),
        at: start + .milliseconds(milliseconds))
    }
    #expect(get(after: 0).status == 200)
    #expect(get(after: 10).status == 200)
    let refused = get(after: 500)
    #expect(refused.status == 429)
    #expect(refused.headers.first { $0.name == "X-Rate-Limit-Time-Reset-Ms" }?.value == "1500")
    #expect(get(after: 1999).status == 429)
    let again = get(after: 2000)
    #expect(again.status == 200)
    #expect(again.headers.first { $0.name == "X-Rate-Limit-Requests-Left" }?.value == "1")
  }

  @Test func concurrentRequestsNeverExceedTheQuota() async throws {
    let configuration = configuration(quota: 10, windowMilliseconds: 30_000)
    try await withSandbox(configuration) { sandbox in
      let token = configuration.accessToken("full")
      let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
        for _ in 0..<30 { group.addTask { try await sandbox.get("/v2/time", token: token).status } }
        return try await group.reduce(into: [Int]()) { $0.append($1) }
      }
      #expect(statuses.filter { $0 == 200 }.count == 10)
      #expect(statuses.filter { $0 == 429 }.count == 20)
    }
  }
}
