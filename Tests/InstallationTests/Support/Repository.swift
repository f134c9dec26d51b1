import Foundation

/// Paths inside the bcsh package, found from this file's own location.
enum Repository {
  /// The package root: three folders above Tests/InstallationTests/Support/.
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // InstallationTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  static func file(_ path: String) -> URL { root.appendingPathComponent(path) }

  static let bashCompletion = file("completions/bcsh.bash")
  static let zshCompletion = file("completions/_bcsh")
  static let fishCompletion = file("completions/bcsh.fish")
  static let manPage = file("man/bcsh.1")

  /// The debug build of the executable, which `swift build` and `swift test` make.
  static let debugExecutable = file(".build/debug/bcsh")
}
