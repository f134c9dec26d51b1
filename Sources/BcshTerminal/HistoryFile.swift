import BcshCore
@preconcurrency import Glibc

/// The history file on disk: its folders made 0700 as needed, the file itself written 0600 and
/// atomically (a temporary file in the same folder, flushed, renamed over it), so two sessions
/// saving at once, or a crash, never leave half a file.
enum HistoryFile {
  /// Makes the folders that lead to `path`, each missing one 0700.
  static func createFolders(for path: String) throws(BcshError) {
    var folder = ""
    for component in path.split(separator: "/", omittingEmptySubsequences: true).dropLast() {
      folder += "/" + component
      if mkdir(folder, 0o700) != 0 && errno != EEXIST {
        throw BcshError("cannot create the history folder \(folder): \(String(cString: strerror(errno)))")
      }
    }
  }

  /// Writes the file through `write`, which gets an open `FILE` and returns whether it succeeded.
  static func replace(
    _ path: String, write: (UnsafeMutablePointer<FILE>) -> Bool
  ) throws(BcshError) {
    try createFolders(for: path)
    let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
      .joined(separator: "/")
    var template = Array(((folder.isEmpty ? "." : folder) + "/.history-XXXXXX").utf8CString)
    let descriptor = mkstemp(&template)  // 0600
    guard descriptor >= 0 else {
      throw BcshError("cannot write the history next to \(path): \(String(cString: strerror(errno)))")
    }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard let file = fdopen(descriptor, "w") else {
      close(descriptor)
      unlink(temporary)
      throw BcshError("cannot write the history file \(path)")
    }
    let written = write(file) && fflush(file) == 0 && fsync(descriptor) == 0
    let closed = fclose(file) == 0
    guard written, closed, rename(temporary, path) == 0 else {
      unlink(temporary)
      throw BcshError("cannot write the history file \(path): \(String(cString: strerror(errno)))")
    }
  }
}
