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
