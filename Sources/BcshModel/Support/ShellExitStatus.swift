/// The exit statuses README lists ("Exit status").
public enum ShellExitStatus: Int32, Sendable, Comparable {
  case success = 0
  /// verify found a problem: invalid token, wrong store, missing scope.
  case verifyProblem = 1
  /// A command failed: bad argument, unknown scope, unreadable file, network error.
  case commandFailed = 2
  /// bcsh itself was invoked wrongly.
  case badInvocation = 64
  case interrupted = 130

  public static func < (lhs: ShellExitStatus, rhs: ShellExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}
