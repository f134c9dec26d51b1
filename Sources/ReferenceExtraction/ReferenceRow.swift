import Foundation
import Yams

/// One operation of the store REST API with the scopes its OpenAPI file states for it.
public struct ReferenceRow: Sendable, Hashable {
  public var method: String
  /// `/v3/catalog/products/{product_id}`: the server's version and the file's path.
  public var path: String
  public var scopes: [ScopeEntry]
  /// `reference/carts.v3.yml`.
  public var specFile: String
  /// Empty when the scopes are the file-level table as written; otherwise the rule that gave
  /// them, with `file:line`, or why the row is flagged.
  public var note: String
}
