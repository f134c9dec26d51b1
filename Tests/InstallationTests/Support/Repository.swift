import Foundation
import TestSupport

/// The files of the bcsh package the installation tests read.
enum Repository {
  static let root = PackagePaths.root

  static func file(_ path: String) -> URL { root.appendingPathComponent(path) }

  static let bashCompletion = file("completions/bcsh.bash")
  static let zshCompletion = file("completions/_bcsh")
  static let fishCompletion = file("completions/bcsh.fish")
  static let manPage = file("man/bcsh.1")

  /// The debug build of the executable, which `swift build` and `swift test` make.
  static let debugExecutable = URL(fileURLWithPath: PackagePaths.bcsh)
}
