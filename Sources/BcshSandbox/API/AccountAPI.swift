import BcshSandboxData
import JSONText

extension SandboxAPI {
  /// Answers `POST /accounts/{uuid}/graphql`: the GraphQL Account API's liveness query
  /// `query { account { id } }`, with the account API's 70-per-hour limit.
  func respondToAccount(
    _ request: SandboxRequest, uuid: String, at now: ContinuousClock.Instant
  ) -> SandboxResponse {
    let account = configuration.accounts.first { $0.uuid == uuid }
    let peek = { account.map { self.accountLimiter.peek($0.uuid, at: now).headers } ?? [] }

    guard let token = token(of: request) else { return ErrorBody.accountUnauthorized.adding(peek()) }
    guard let account, token.isAccountLevel, token.accountUUID == account.uuid else {
      return ErrorBody.missingScope.adding(peek())
    }
    let limit = accountLimiter.take(account.uuid, at: now)
    guard limit.allowed else {
      return ErrorBody.problem(
        429, "Too many requests: the account API allows \(configuration.accountQuotaPerHour) an hour"
      ).adding(
        limit.headers)
    }
    return answer(request, account: account).adding(limit.headers)
  }

  private func answer(_ request: SandboxRequest, account: SandboxAccount) -> SandboxResponse {
    guard request.method == "POST" else {
      return ErrorBody.problem(405, "GraphQL requests must be POST").adding([("Allow", "POST")])
    }
    guard let query = GraphQLQuery(body: request.body) else {
      return .json(400, Self.graphQLError("Request body must be JSON with a \"query\" string"))
    }
    guard query.asksForAccountID else {
      return .json(200, Self.graphQLError("The sandbox answers only `query { account { id } }`"))
    }
    let id: JSONValue = .string("bc/account/account/\(account.uuid)")
    return .json(200, .object([("data", .object([("account", .object([("id", id)]))]))]))
  }

  private static func graphQLError(_ message: String) -> JSONValue {
    .object([("data", .null), ("errors", .array([.object([("message", .string(message))])]))])
  }
}

/// A GraphQL request body `{"query": "..."}`, reduced to what the sandbox understands.
struct GraphQLQuery {
  /// The query's words and braces, whitespace-free: `query{account{id}}`.
  let compact: String

  init?(body: [UInt8]) {
    guard let query = (try? JSONReader.value(body))?["query"]?.string else { return nil }
    compact = String(String.UnicodeScalarView(query.unicodeScalars.filter { !$0.properties.isWhitespace }))
  }

  /// Whether this is the liveness query, with or without the `query` keyword.
  var asksForAccountID: Bool {
    compact == "query{account{id}}" || compact == "{account{id}}"
  }
}
