import BcshModel
import FoundationEssentials

/// Every service outside the process that a command may use, declared in one place: requests,
/// the keyring, hidden entry, standard input, the user's files, other programs and the clocks. The executable wires
/// the live ones; a `Ports()` refuses each service it is not given with an error that names it, so
/// that nothing reaches a real service by default.
///
/// Commands do not hold these: they get capabilities (`BcshShell`'s `Capabilities`) made from
/// them for the effects each declares, inert under `--dry-run`.
public struct Ports {
  /// Requests: makes the HTTP transport when verify first needs it.
  public var transport: @Sendable () throws -> any HTTPTransport
  /// The OS keyring, connected when `save --keyring` or a keyring session file needs it.
  public var keyring: () throws(BcshError) -> any SecretStoring
  /// Hidden entry; nil when there is no terminal to ask on.
  public var secretReader: (any SecretReading)?
  /// All of standard input, for `--stdin`; nil when it is the terminal.
  public var standardInput: (() throws(BcshError) -> String?)?
  /// The user's files, for reading (writes are a capability of their own).
  public var files: any FileReading
  /// Other programs: git.
  public var processes: any ProcessRunning
  /// The wall clock, for dates that are recorded and shown.
  public var now: () -> Date
  /// The clock verify paces its requests by.
  public var pacingClock: any PacingClock

  /// Every service refused, except the clocks, which are the system's.
  public init(
    transport: @escaping @Sendable () throws -> any HTTPTransport = {
      throw BcshError("this build of bcsh cannot reach the network", code: .unsupported)
    },
    keyring: @escaping () throws(BcshError) -> any SecretStoring = { () throws(BcshError) in
      throw BcshError(
        "this build of bcsh has no keyring support", code: .unsupported,
        hint: "save without --keyring keeps the secrets in the file")
    },
    secretReader: (any SecretReading)? = nil,
    standardInput: (() throws(BcshError) -> String?)? = nil,
    files: any FileReading = NoFiles(),
    processes: any ProcessRunning = NoProcesses(),
    now: @escaping () -> Date = Date.init,
    pacingClock: any PacingClock = SystemPacingClock()
  ) {
    self.transport = transport
    self.keyring = keyring
    self.secretReader = secretReader
    self.standardInput = standardInput
    self.files = files
    self.processes = processes
    self.now = now
    self.pacingClock = pacingClock
  }
}
