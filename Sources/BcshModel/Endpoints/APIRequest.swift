/// One request a job makes, as `scope need` and `verify --for` read it.
public struct APIRequest: Sendable, Hashable {
  public var method: HTTPMethod
  /// Below the store's API root, without query or trailing slash: `/v3/catalog/products/77`.
  public var path: String
  /// Where it was written: the method's word, or the HAR entry's URL.
  public var position: SourcePosition?

  public init(method: HTTPMethod, path: String, position: SourcePosition? = nil) {
    self.method = method
    self.path = path
    self.position = position
  }

  /// `GET /v3/catalog/products/77`.
  public var description: String { "\(method) \(path)" }

  /// The path below the store's API root for a path or URL as a client writes it: scheme and host,
  /// the `/stores/{hash}` prefix, the query, the fragment and a trailing slash are dropped.
  public static func storePath(_ target: String) -> String {
    var text = Substring(target)
    if let end = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<end] }
    if let scheme = text.firstRange(of: "://") {
      let rest = text[scheme.upperBound...]
      text = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
    }
    var segments = text.split(separator: "/")
    if segments.first == "stores", segments.count >= 2 { segments.removeFirst(2) }
    return "/" + segments.joined(separator: "/")
  }
}
