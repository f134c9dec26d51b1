import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
@preconcurrency import Glibc

/// The history file on disk, written like every file bcsh writes (`AtomicFile`): 0600, atomically,
/// its folders made 0700 as needed, so two sessions saving at once, or a crash, never leave half a
/// file.
enum HistoryFile {
  /// A history of 1000 lines is far smaller; a larger file is not a history bcsh wrote.
  static let sizeLimit = 8 << 20

  /// Why the file at `path` is neither read nor replaced as the history (it is a device such as
  /// `/dev/zero`, a FIFO, or too large), or nil when it may be (or does not exist yet).
  static func refusal(_ path: String) -> BcshError? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    guard info.st_mode & S_IFMT == S_IFREG else {
      return BcshError(
        "the history file \(path) is not a regular file; the history is neither read nor saved",
        code: .fileSystem,
        hint: "point BCSH_HISTFILE at a file")
    }
    guard info.st_size <= sizeLimit else {
      return BcshError(
        "the history file \(path) is over 8 MiB; the history is neither read nor saved", code: .fileSystem,
        hint: "point BCSH_HISTFILE at another file, or trim this one")
    }
    return nil
  }

  /// Writes the file with what `write` puts into the `FILE` it gets. libedit writes through a real
  /// file (it sets the file's mode), so its text goes to an unnamed temporary file first.
  static func replace(_ path: String, write: (UnsafeMutablePointer<FILE>) -> Bool) throws(BcshError) {
    guard let scratch = tmpfile() else {
      throw BcshError("cannot prepare the history for \(path)", code: .fileSystem)
    }
    defer { fclose(scratch) }
    guard write(scratch), fflush(scratch) == 0 else {
      throw BcshError("cannot write the history file \(path)", code: .fileSystem)
    }
    rewind(scratch)
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = fread(&chunk, 1, chunk.count, scratch)
      bytes += chunk[0..<count]
      if count < chunk.count { break }
    }
    try AtomicFile.makeFolder(Paths.folder(of: path))
    _ = try AtomicFile.write(String(decoding: bytes, as: UTF8.self), to: path, expected: nil, force: true)
  }
}
