/// An error a user can act on: a short lowercase message, where it happened, and an optional hint
/// ("did you mean 'products'?"). Its status is the exit status it leads to; its code says what kind
/// of failure it is, for code to branch on (the message is for people); its cause is the error it
/// was made from, if any.
public struct BcshError: Error, Sendable, Equatable, CustomStringConvertible {
  public var code: Code
  public var message: String
  public var hint: String?
  public var position: SourcePosition?
  public var status: ShellExitStatus
  /// The error this one was made from (a decoder's, the HTTP client's, another `BcshError`), kept
  /// for whoever looks closer; the message already says what a user needs.
  public var cause: (any Error)?
  /// Already printed where it happened (inside a sourced script): only its status travels on.
  public var isReported = false

  public init(
    _ message: String, code: Code, hint: String? = nil, at position: SourcePosition? = nil,
    status: ShellExitStatus = .commandFailed, cause: (any Error)? = nil
  ) {
    self.code = code
    self.message = message
    self.hint = hint
    self.position = position
    self.status = status
    self.cause = cause
  }

  /// The same error placed at `position` unless it already has a place.
  public func placed(at position: SourcePosition?) -> BcshError {
    var copy = self
    if copy.position == nil { copy.position = position }
    return copy
  }

  /// What `body` returns; an error it throws is placed at `position` unless it already has a place.
  public static func placing<T>(
    at position: SourcePosition?, _ body: () throws(BcshError) -> T
  ) throws(BcshError) -> T {
    do throws(BcshError) { return try body() } catch { throw error.placed(at: position) }
  }

  /// What `body` returns; an error it throws is placed at `position` unless it already has a place.
  public static func placing<T>(
    at position: SourcePosition?, _ body: () async throws(BcshError) -> T
  ) async throws(BcshError) -> T {
    do throws(BcshError) { return try await body() } catch { throw error.placed(at: position) }
  }

  /// Equal when everything users and code see is equal; the causes are not compared.
  public static func == (lhs: BcshError, rhs: BcshError) -> Bool {
    lhs.code == rhs.code && lhs.message == rhs.message && lhs.hint == rhs.hint && lhs.position == rhs.position
      && lhs.status == rhs.status && lhs.isReported == rhs.isReported
  }

  /// `file:line:col: error: message`, then `hint: ...` on a line of its own.
  public var description: String {
    var text = position.map { "\($0): " } ?? ""
    text += "error: \(message)"
    if let hint { text += "\nhint: \(hint)" }
    return text
  }
}
