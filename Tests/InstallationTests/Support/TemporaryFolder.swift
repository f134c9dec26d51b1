import Foundation
import TestSupport

extension TemporaryFolder {
  /// Writes `contents` to `path` (relative to the folder), creating the folders on the way.
  @discardableResult
  func write(_ contents: String, to path: String) throws -> URL {
    let file = url.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try contents.write(to: file, atomically: true, encoding: .utf8)
    return file
  }

  /// A folder like a user's project: two scripts, a text file, a session file and a subfolder with a script.
  static func sampleProject() throws -> TemporaryFolder {
    let folder = TemporaryFolder("installation")
    for file in ["a.bcsh", "b.bcsh", "notes.txt", "s.bcsh.json", "sub/c.bcsh"] {
      try folder.write("", to: file)
    }
    return folder
  }
}
