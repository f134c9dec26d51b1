import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import HashTreeCollections

/// The session's variables: a persistent hash tree, so that the copy a command drafts shares it
/// and `set` changes only the path to one name.
public typealias Variables = TreeDictionary<String, String>

/// Everything a command may change: the session, the variables, and which file the session
/// belongs to. A command works on a copy that replaces the original only when it succeeds; every
/// part is copy-on-write and persistent, so the copy costs O(1) and a change O(log n).
public struct ShellState: Sendable, Equatable {
  public var session = Session()
  public var variables: Variables = [:]
  /// The session's own file: the one opened or last saved to.
  public var file: SessionFileReference?
  /// The session as its file holds it; the session has unsaved changes when it differs.
  public var saved = Session()
  /// The session as it was when `exit` last warned about unsaved changes; a second `exit` leaves
  /// only if nothing changed since.
  public var exitWarnedAbout: Session?

  public init() {}

  public var hasUnsavedChanges: Bool { session != saved }

  /// Where a token's secret is kept on disk; nil when the token has no such secret.
  public func home(of field: CredentialField, of token: Token) -> SecretHome? {
    guard let value = token.secret(field) else { return nil }
    guard let file, saved.token(named: token.name)?.secret(field) == value else { return .unsaved }
    return file.keyring == nil ? .file : .keyring
  }
}
