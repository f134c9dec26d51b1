/// A level a scope can be granted at in the control panel. An open set: most scopes offer
/// `read-only` and `modify`, a few offer one special level (`login`, `create`, `manage`, ...).
public struct AccessLevel: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }

  public static let readOnly = AccessLevel(rawValue: "read-only")
  public static let modify = AccessLevel(rawValue: "modify")
  public static let login = AccessLevel(rawValue: "login")
  public static let create = AccessLevel(rawValue: "create")
  public static let manage = AccessLevel(rawValue: "manage")
  public static let write = AccessLevel(rawValue: "write")
  public static let delete = AccessLevel(rawValue: "delete")
  public static let cancel = AccessLevel(rawValue: "cancel")
  public static let standard = AccessLevel(rawValue: "standard")
  public static let full = AccessLevel(rawValue: "full")
  public static let createPreview = AccessLevel(rawValue: "create-preview")

  public var description: String { rawValue }

  /// Whether granting this level lets a token read (what a read probe can confirm).
  public var includesRead: Bool { self != .create && self != .login }

  /// How the control panel labels this level in its drop-down.
  public var controlPanelLabel: String {
    switch self {
    case .readOnly: "read-only"
    case .createPreview: "create preview"
    default: rawValue
    }
  }
}
