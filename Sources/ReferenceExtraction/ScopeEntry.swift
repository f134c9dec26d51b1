import Foundation
import Yams

/// One `UI name=permission=token string` statement of the reference, as written (typos included).
public struct ScopeEntry: Sendable, Hashable {
  public var uiName: String
  public var permission: String
  public var tokenString: String

  public init(uiName: String, permission: String, tokenString: String) {
    self.uiName = uiName
    self.permission = permission
    self.tokenString = tokenString
  }

  /// The implicit scope every API account has (webhooks: "None required").
  public static let implicitDefault = ScopeEntry(
    uiName: "default", permission: "none required", tokenString: "default")

  /// `Carts=modify=store_cart`.
  public var description: String { "\(uiName)=\(permission)=\(tokenString)" }
}
