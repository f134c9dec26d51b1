import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// The capability to write a file: atomically, mode 0600, never over a file this session did not
/// expect unless forced (`AtomicFile.write`).
public protocol FileWriting {
  /// Writes `contents` to `path` and returns the new file's fingerprint, or nil when nothing was
  /// written: a dry run, which says instead that it would write `shownAs` (`what` it holds:
  /// "session; secrets to the keyring").
  func write(
    _ contents: String, to path: String, expected: FileFingerprint?, force: Bool, shownAs name: String?,
    what: String
  ) throws(BcshError) -> FileFingerprint?

  /// Whether git would track `path`: it lies in a git work tree that does not ignore it. Asks git,
  /// which only reads; a dry run asks too. Throws when git fails there
  /// (a repository it refuses, a corrupt `.git`): a failure is no "ignored".
  func gitWouldTrack(_ path: String) throws(BcshError) -> Bool

  /// Refuses, as `write` would, to replace `path` (read-only, changed on disk, not a regular file
  /// ...), writing nothing: a command that writes several files checks each before the first.
  func checkWritable(_ path: String, expected: FileFingerprint?, force: Bool, shownAs name: String?)
    throws(BcshError)

  /// Whether git tracks `path` already (it is in the index).
  func gitTracks(_ path: String) -> Bool

  /// The file a symbolic link at `path` names (the one a write replaces), when `path` is one.
  func linkTarget(of path: String) -> String?
}

extension FileWriting {
  public func linkTarget(of path: String) -> String? { GitExposure.linkTarget(of: path) }

  /// Whether git tracks `path` already (it is in the index): a `.gitignore` line then changes
  /// nothing. False where this cannot be asked.
  public func gitTracks(_ path: String) -> Bool { false }

  public func checkWritable(_ path: String, expected: FileFingerprint?, force: Bool, shownAs name: String?)
    throws(BcshError)
  {
    try AtomicFile.checkWritable(path, expected: expected, force: force, shownAs: name)
  }
}
