/// One REST operation of BigCommerce's API reference, normalized onto bcsh's scope catalog.
public struct Endpoint: Sendable, Hashable {
  public let method: HTTPMethod
  /// The template below the store's API root, starting with `/v2/` or `/v3/`.
  public let template: String
  /// The OpenAPI file that states its scopes.
  public let specFile: String
  /// What a token needs to call it.
  public internal(set) var requirement: Requirement
  /// Whether verify's read probe for this very endpoint chose among the scopes its file names.
  public internal(set) var isNarrowedByProbe = false
  /// How the reference's words gave its scopes when not by the file's table (an operation's own
  /// statement, a placeholder table), with the file and line; empty otherwise.
  public let note: String

  public init(
    _ method: HTTPMethod, _ template: String, _ specFile: String, _ requirement: Requirement,
    note: String = ""
  ) {
    self.method = method
    self.template = template
    self.specFile = specFile
    self.requirement = requirement
    self.note = note
  }

  /// What the reference says a token needs for one operation.
  public enum Requirement: Sendable, Hashable {
    /// Any one of these grants (the reference names scopes per file, not per operation: where a
    /// file names several, the operation needs one of them, and the file does not say which).
    case anyOf([ScopeGrant])
    /// The implicit `default` scope every API account holds (webhooks).
    case implicitDefault
    /// The reference names no scope bcsh knows: `unknownTokens` holds what it does name, if anything.
    case unstated(unknownTokens: [String])
  }

  /// The scopes that can open it, empty when none is stated or none is needed.
  public var alternatives: [ScopeGrant] {
    if case .anyOf(let grants) = requirement { grants } else { [] }
  }

  /// `GET /v3/catalog/products/{product_id}`.
  public var description: String { "\(method) \(template)" }

  /// `/v3/catalog`: the version and the first segment after it, how `scope info` groups operations.
  public var family: String {
    let segments = template.split(separator: "/")
    return "/" + segments.prefix(2).joined(separator: "/")
  }
}
