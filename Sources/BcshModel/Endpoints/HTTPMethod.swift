/// An HTTP method: of the REST reference, of verify's requests and probes, of the requests a job
/// makes. An open set: a request may name one no endpoint takes. The one type bcsh's core has for
/// a method (the sandbox, which does not import the core, reads its requests' methods as text).
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue.uppercased() }

  public static let get = HTTPMethod(rawValue: "GET")
  public static let post = HTTPMethod(rawValue: "POST")
  public static let put = HTTPMethod(rawValue: "PUT")
  public static let delete = HTTPMethod(rawValue: "DELETE")
  public static let head = HTTPMethod(rawValue: "HEAD")

  /// The methods the reference uses, in the order bcsh lists them.
  public static let known: [HTTPMethod] = [.get, .post, .put, .delete]

  /// The methods a request line may start with (a log line, a line of a request list).
  package static let requestLineMethods: [HTTPMethod] =
    known + [HTTPMethod(rawValue: "PATCH"), .head, HTTPMethod(rawValue: "OPTIONS")]

  /// Whether `word` names one of `requestLineMethods` as a request line writes it: upper-case.
  package static func isRequestLineWord(_ word: Substring) -> Bool {
    requestLineMethods.contains { $0.rawValue == word }
  }

  /// Whether the method only reads: a read needs read-only, anything else the level that writes.
  public var isRead: Bool { self == .get }

  public var description: String { rawValue }

  public static func < (lhs: HTTPMethod, rhs: HTTPMethod) -> Bool {
    (known.firstIndex(of: lhs) ?? known.count) < (known.firstIndex(of: rhs) ?? known.count)
  }
}
