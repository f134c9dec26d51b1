/// One key a tool reads, with the value bcsh writes there.
public struct ToolSetting: Sendable, Equatable {
  public var key: String
  public var value: String
  /// What the value is, for messages: "access token of 'cart-migration'".
  public var what: String
  /// Whether the value is a secret (never shown; the file must not be committed).
  public var isSecret: Bool

  public init(_ key: String, _ value: String, what: String, isSecret: Bool = false) {
    self.key = key
    self.value = value
    self.what = what
    self.isSecret = isSecret
  }
}
