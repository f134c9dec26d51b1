import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `--dry-run`: says what it would write; writes nothing.
struct DryRunFileWriter: FileWriting {
  let git: GitExposure
  let confirm: (String) -> Void

  func write(
    _ contents: String, to path: String, expected: FileFingerprint?, force: Bool, shownAs name: String?,
    what: String
  ) throws(BcshError) -> FileFingerprint? {
    confirm("dry run: would write \(name ?? path) (\(what))")
    return nil
  }

  func gitWouldTrack(_ path: String) throws(BcshError) -> Bool { try git.wouldTrack(path) }

  func gitTracks(_ path: String) -> Bool { git.isTracked(path) }
}
