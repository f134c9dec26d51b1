import BcshModel
import BcshPorts

/// The files on this machine, read as `AtomicFile` reads them: regular files only, at most 16 MiB,
/// never waiting on a FIFO.
public struct LocalFiles: FileReading {
  public init() {}

  public func read(_ path: String, shownAs name: String?) throws(BcshError) -> String {
    try AtomicFile.read(path, shownAs: name)
  }

  public func readWithFingerprint(_ path: String, shownAs name: String?) throws(BcshError) -> (
    String, FileFingerprint
  ) { try AtomicFile.readWithFingerprint(path, shownAs: name) }

  public func fingerprint(of path: String) -> FileFingerprint? { FileFingerprint.of(path) }
}
