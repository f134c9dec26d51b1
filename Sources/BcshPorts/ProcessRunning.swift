import BcshModel

/// Running another program (git, to learn whether it would ignore a file). The program's standard
/// streams are `/dev/null`; it sees only the environment given.
public protocol ProcessRunning: Sendable {
  /// Runs `arguments` (the first is the program's path) with `environment` (`NAME=VALUE`
  /// entries) and waits for it; its exit status, or nil when it could not start or did not exit.
  func exitStatus(of arguments: [String], environment: [String]) -> Int32?
}
