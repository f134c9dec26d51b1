import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// A fresh folder under the system's temporary folder (mode 0700), removed with everything in it
/// when the last reference to it goes: every test target makes its folders with this one type, so
/// a test run leaves nothing in /tmp.
public final class TemporaryFolder: @unchecked Sendable {
  public let path: String

  /// `bcsh-LABEL-XXXXXX` under `$TMPDIR` (or /tmp).
  public init(_ label: String = "tests") {
    let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array("\(base)/bcsh-\(label)-XXXXXX".utf8CString)
    guard mkdtemp(&template) != nil else { fatalError("cannot make a temporary folder in \(base)") }
    path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  deinit { Self.remove(path) }

  public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

  /// `name` inside the folder.
  public func path(_ name: String) -> String { path + "/" + name }

  /// Removes `path` and everything in it, first giving back the permissions a test may have taken
  /// away (a folder made unreadable to test an error).
  static func remove(_ path: String) {
    if (try? FileManager.default.removeItem(atPath: path)) != nil { return }
    chmod(path, 0o700)
    if let entries = FileManager.default.enumerator(atPath: path) {
      for case let entry as String in entries { chmod(path + "/" + entry, 0o700) }
    }
    try? FileManager.default.removeItem(atPath: path)
  }
}
