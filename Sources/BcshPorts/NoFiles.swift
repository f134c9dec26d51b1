import BcshModel

/// Reads no file: every read is refused.
public struct NoFiles: FileReading {
  public init() {}

  private func refusal(_ name: String?, _ path: String) -> BcshError {
    BcshError("this build of bcsh cannot read files ('\(name ?? path)')", code: .unsupported)
  }

  public func read(_ path: String, shownAs name: String?) throws(BcshError) -> String {
    throw refusal(name, path)
  }

  public func readWithFingerprint(_ path: String, shownAs name: String?) throws(BcshError) -> (
    String, FileFingerprint
  ) { throw refusal(name, path) }

  public func fingerprint(of path: String) -> FileFingerprint? { nil }

  public func list(_ path: String) throws(BcshError) -> [FolderEntry] { throw refusal(nil, path) }
}
