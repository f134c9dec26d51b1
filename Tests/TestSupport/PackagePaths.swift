import Foundation

/// Paths inside the bcsh package, found from this file's own place in it (Tests/TestSupport/).
public enum PackagePaths {
  /// The package root.
  public static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // TestSupport
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// The debug build of `bcsh`, which `swift build` and `swift test` make.
  public static let bcsh = root.appendingPathComponent(".build/debug/bcsh").path

  /// The debug build of `bcsh-net`, bcsh's network helper, beside `bcsh`.
  public static let bcshNet = root.appendingPathComponent(".build/debug/bcsh-net").path
}
