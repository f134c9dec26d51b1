/// One BigCommerce account, served under `/accounts/{uuid}/graphql`.
public struct SandboxAccount: Sendable, Codable, Equatable {
  /// The account UUID (8-4-4-4-12 hex).
  public var uuid: String
  public var name: String

  public init(uuid: String, name: String) {
    self.uuid = uuid
    self.name = name
  }
}
