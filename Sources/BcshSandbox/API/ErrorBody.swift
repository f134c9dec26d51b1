import JSONText

/// The bodies BigCommerce sends for its common errors.
enum ErrorBody {
  static let statusCodesType = "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes"

  /// 401 from the store API: the body webhooks.v3.yml's 401_Unauthorized example shows
  /// (docs/bigcommerce.md, "Verifying without writing").
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
