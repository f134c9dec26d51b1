import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// How a run behaves, from the command line.
public struct ShellOptions: Sendable {
  /// A script goes on after a failed command.
  public var keepGoing = false
  /// Parse and check everything; write no file and send nothing.
  public var dryRun = false
  /// Print each command (secrets masked) before it runs.
  public var trace = false
  /// A person types the lines (prompt, history, hidden entry).
  public var interactive = false

  public init() {}
}
