import BcshModel

/// One HTTP request as verify sends it. Headers keep their order; names are case-insensitive.
public struct HTTPRequest: Sendable, Equatable {
  public var method: HTTPMethod
  public var url: String
  public var headers: [(name: String, value: String)]
  public var body: [UInt8]?

  public init(
    method: HTTPMethod, url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
  }

  public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
    lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
      && lhs.headers.map { [$0.name.lowercased(), $0.value] }
        == rhs.headers.map { [$0.name.lowercased(), $0.value] }
  }
}
