import BcshModel

/// One HTTP response. `body` holds at most the transport's size limit; `truncated` says it was cut.
public struct HTTPResponse: Sendable {
  public var status: Int
  public var headers: [(name: String, value: String)]
  public var body: [UInt8]
  public var truncated: Bool

  public init(
    status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [],
    truncated: Bool = false
  ) {
    self.status = status
    self.headers = headers
    self.body = body
    self.truncated = truncated
  }

  /// The first value of a header, matched case-insensitively.
  public func header(_ name: String) -> String? {
    let wanted = name.lowercased()
    return headers.first { $0.name.lowercased() == wanted }?.value
  }
}
