import BcshModel
import BcshPorts
@preconcurrency import Glibc

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

  public func list(_ path: String) throws(BcshError) -> [FolderEntry] {
    guard let folder = opendir(path) else {
      let reason = String(cString: strerror(errno)).lowercased()
      throw BcshError(
        "cannot list \(ShownWord.quoted(path)): \(reason)",
        code: errno == ENOENT ? .fileNotFound : .fileSystem)
    }
    defer { closedir(folder) }
    var entries: [FolderEntry] = []
    while let entry = readdir(folder) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name != ".", name != ".." else { continue }
      var info = stat()
      guard lstat(path + "/" + name, &info) == 0 else { continue }
      let kind: FolderEntry.Kind =
        switch info.st_mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .folder
        case S_IFLNK: .symbolicLink
        default: .other
        }
      entries.append(
        FolderEntry(
          name: name, kind: kind, permissions: Int(info.st_mode & 0o7777), size: Int64(info.st_size)))
    }
    return entries
  }
}
