import BcshFormats
import BcshModel
import BcshPorts
import BcshSandbox
import BcshSandboxData
import BcshShell
import BcshVerify
import Testing

/// `POST /accounts/{uuid}/graphql`: the liveness query, foreign tokens, the hourly limit.
@Suite struct AccountAPITests {
  let demo = SandboxConfiguration.demo

  @Test func livenessQueryReturnsTheAccountID() async throws {
    try await withSandbox { sandbox in
      let response = try await sandbox.accountQuery(token: demo.accessToken("account"))
      #expect(response.status == 200)
      #expect(
        response.text
          == #"{"data":{"account":{"id":"bc/account/account/5e1d0c0a-7f3b-4a8e-9c2d-1b6f0e4a2c7d"}}}"#)
      #expect(response.intHeader("X-Rate-Limit-Requests-Quota") == 70)
    }
  }

  @Test func unknownTokenIs401() async throws {
    try await withSandbox { sandbox in
      for token in [nil, "nope"] {
        let response = try await sandbox.accountQuery(token: token)
        #expect(response.status == 401)
        #expect(response.jsonObject == nil)
      }
    }
  }

  @Test func storeTokenOrForeignAccountIs403() async throws {
    var configuration = SandboxConfiguration.roomy
    let foreign = "0f0e0d0c-0b0a-4909-8807-060504030201"
    configuration.accounts.append(SandboxAccount(uuid: foreign, name: "Someone else"))
    configuration.tokens.append(
      SandboxToken(name: "foreign", accessToken: "foreignaccount0000000000000000", accountUUID: foreign))
    try await withSandbox(configuration) { sandbox in
      let store = try await sandbox.accountQuery(token: configuration.accessToken("full"))
      #expect(store.status == 403)
      #expect(store.text == missingScopeBody)
      let other = try await sandbox.accountQuery(token: configuration.accessToken("foreign"))
      #expect(other.status == 403)
      let unknown = try await sandbox.accountQuery(
        uuid: "11111111-2222-3333-4444-555555555555", token: configuration.accessToken("account"))
      #expect(unknown.status == 403)
    }
  }

  @Test func otherQueriesGetAGraphQLError() async throws {
    try await withSandbox { sandbox in
      let response = try await sandbox.accountQuery(
        token: demo.accessToken("account"), query: "query { store { id } }")
      #expect(response.status == 200)
      #expect(response.jsonObject?["errors"] is [Any])
    }
  }

  @Test func seventyRequestsPerHourThen429() async throws {
    try await withSandbox { sandbox in
      let token = demo.accessToken("account")
      for attempt in 1...70 {
        let response = try await sandbox.accountQuery(token: token)
        guard response.status == 200 else {
          Issue.record("request \(attempt) answered \(response.status)")
          return
        }
      }
      let refused = try await sandbox.accountQuery(token: token)
      #expect(refused.status == 429)
      let retry = try #require(refused.intHeader("X-Retry-After"))
      #expect(retry > 3000 && retry <= 3600)
    }
  }
}
