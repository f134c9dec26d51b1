import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// Writes files for real.
struct AtomicFileWriter: FileWriting {
  let git: GitExposure

  func write(
    _ contents: String, to path: String, expected: FileFingerprint?, force: Bool, shownAs name: String?,
    what: String
  ) throws(BcshError) -> FileFingerprint? {
    try AtomicFile.write(contents, to: path, expected: expected, force: force, shownAs: name)
  }

  func gitWouldTrack(_ path: String) throws(BcshError) -> Bool { try git.wouldTrack(path) }

  func gitTracks(_ path: String) -> Bool { git.isTracked(path) }
}
