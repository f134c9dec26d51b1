import JSONText

/// One HTTP response the sandbox's API produces, before the network layer writes it.
struct SandboxResponse: Sendable {
  var status: Int
  var headers: [(name: String, value: String)]
  var body: [UInt8]

  init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// A JSON response.
  static func json(_ status: Int, _ value: JSONValue) -> SandboxResponse {
    SandboxResponse(
      status: status, headers: [("Content-Type", "application/json")], body: Array(value.serialized().utf8))
  }

  /// A plain-text response, as BigCommerce sends for 401.
  static func text(_ status: Int, _ text: String) -> SandboxResponse {
    SandboxResponse(
      status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
  }

  /// 204 with no body, as v2 lists answer when empty.
  static let noContent = SandboxResponse(status: 204)

  /// Adds headers after the existing ones.
  func adding(_ extra: [(name: String, value: String)]) -> SandboxResponse {
    var copy = self
    copy.headers += extra
    return copy
  }
}

/// The bodies BigCommerce sends for its common errors.
enum ErrorBody {
  static let statusCodesType = "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes"

  /// 401 from the store API: the body webhooks.v3.yml's 401_Unauthorized example shows
  /// (docs/bigcommerce.md, "Status codes").
  static let unauthorized = SandboxResponse.json(
    401,
    .object([
      ("status", .number(401)),
      (
        "title",
        .string(
          "Unauthorized - the v3 Auth client ID or token in the request are not a valid combination for this store."
        )
      ),
      ("type", .string("/api-docs/getting-started/api-status-codes")),
    ]))

  /// 401 from the account API, which the reference shows no body for: plain text (observed).
  static let accountUnauthorized = SandboxResponse.text(
    401, "Authentication required: the X-Auth-Token header is missing or not a valid access token.")

  /// 403 with the exact body BigCommerce sends for a missing scope, a foreign token or a bad hash.
  static let missingScope = problem(403, "You don't have a required scope to access the endpoint")

  /// 403 as seen for an endpoint path with a trailing slash.
  static let authenticationRequired = problem(403, "Authentication Required")

  /// 404 for a path the API does not have or a resource that does not exist.
  static func notFound(_ title: String = "The requested resource was not found") -> SandboxResponse {
    problem(404, title)
  }

  /// A problem-details JSON body: status, title, type, errors.
  static func problem(_ status: Int, _ title: String) -> SandboxResponse {
    .json(
      status,
      .object([
        ("status", .number(status)), ("title", .string(title)), ("type", .string(statusCodesType)),
        ("errors", .object([])),
      ]))
  }
}
