import BcshModel

/// Running another program: git, to learn whether it would ignore a file, and the program
/// `exec` hands credentials to.
public protocol ProcessRunning: Sendable {
  /// Runs `arguments` (the first is the program's path) with `environment` (`NAME=VALUE`
  /// entries) and waits for it; its exit status, or nil when it could not start or did not exit.
  /// Its standard streams are `/dev/null`; it sees only the environment given.
  func exitStatus(of arguments: [String], environment: [String]) -> Int32?

  /// Runs `arguments` (the first is a program's name, looked up in the `PATH` of `environment`,
  /// or its path) in `folder` with exactly `environment`, on bcsh's own standard input, output
  /// and error, and waits for it. A SIGINT, SIGTERM or SIGHUP sent to bcsh meanwhile goes on to
  /// the program (a Ctrl-C on the terminal reaches it directly). The error says why it could not
  /// start.
  func runAttached(_ arguments: [String], environment: [String], in folder: String) throws(BcshError)
    -> ProgramEnding
}
