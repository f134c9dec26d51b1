import BcshFormats
import BcshModel
import BcshPorts

/// The store, as `GET /v2/store` describes it.
public struct StoreInfo: Sendable, Equatable {
  public var id: String?
  public var name: String?
  public var plan: String?
  public var domain: String?
  public var status: String?
}
