import BcshModel

/// Reading the user's files: scripts, session files, credentials files, request lists. Writing goes
/// through `FileWriting`, a capability a command declares.
public protocol FileReading {
  /// The text of the file at `path` (shown to people as `name`): UTF-8, a byte-order mark dropped.
  func read(_ path: String, shownAs name: String?) throws(BcshError) -> String
  /// The text and the fingerprint of the very file read, for a save to tell later whether someone
  /// else changed it.
  func readWithFingerprint(_ path: String, shownAs name: String?) throws(BcshError) -> (
    String, FileFingerprint
  )
  /// What the file at `path` looks like now; nil when there is none.
  func fingerprint(of path: String) -> FileFingerprint?
  /// The entries of the folder at `path` (not `.` and `..`), in no particular order; the error
  /// says why it cannot be listed.
  func list(_ path: String) throws(BcshError) -> [FolderEntry]
}
