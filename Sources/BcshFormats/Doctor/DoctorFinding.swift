import BcshModel

/// One credential mistake `doctor` found in a project folder: where, what, and how to put it right.
public struct DoctorFinding: Sendable, Equatable {
  /// What kind of mistake: stable, for `--json` and for scripts to branch on.
  public enum Kind: String, Sendable, CaseIterable {
    case trackedSecret = "tracked-secret"
    case unignoredSecret = "unignored-secret"
    case readableSecret = "readable-secret"
    case unreadKey = "unread-key"
    case legacyStencil = "legacy-stencil"
    case stencilWithoutAPIHost = "stencil-without-api-host"
    case storeMismatch = "store-mismatch"
    case environmentOverride = "environment-override"
    case storefrontExpired = "storefront-expired"
    case storefrontExpiring = "storefront-expiring"
    case browserOnlyToken = "browser-only-token"
    case verifyProblem = "verify-problem"
    case foreignAPIHost = "foreign-api-host"
  }

  public var kind: Kind
  /// The file as shown (relative to the folder given) and the line the finding is about.
  public var file: String
  public var line: Int
  public var message: String
  public var fix: String

  public init(_ kind: Kind, file: String, line: Int, _ message: String, fix: String) {
    self.kind = kind
    self.file = file
    self.line = line
    self.message = message
    self.fix = fix
  }

  /// `file:line`.
  public var place: String { "\(file):\(line)" }
}
