import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// What a command does outside the session, declared once in its `CommandSpec`.
///
/// The interpreter hands a command the capability of each effect it declares (under `--dry-run`,
/// one that does nothing) and, for every effect it does not declare, one that refuses. A handler
/// reaches files, the network, hidden entry and the keyring only through those capabilities, so a
/// new command cannot forget `--dry-run`, nor use an effect its declaration does not show.
public struct Effects: OptionSet, Sendable, Hashable {
  public let rawValue: Int

  public init(rawValue: Int) { self.rawValue = rawValue }

  /// Writes files (`save`). Under `--dry-run` it says what it would write and writes nothing.
  public static let writesFiles = Effects(rawValue: 1 << 0)
  /// Sends requests to the API (`verify`). Under `--dry-run` nothing is sent and the reports say so.
  public static let sendsRequests = Effects(rawValue: 1 << 1)
  /// Asks for a secret on the terminal, hidden (`token set FIELD`). Under `--dry-run` there is
  /// nobody to ask, as in a script without a terminal.
  public static let readsSecrets = Effects(rawValue: 1 << 2)
  /// Uses the OS keyring (`save` of a keyring session, `open` of one). Under `--dry-run` nothing
  /// is stored or removed; reading it is part of checking.
  public static let usesKeyring = Effects(rawValue: 1 << 3)
  /// Runs another program on bcsh's own streams (`exec`). Under `--dry-run` it says what it would
  /// run and runs nothing.
  public static let runsPrograms = Effects(rawValue: 1 << 4)

  /// Each effect and how an error names it: "'NAME' does not declare that it writes files".
  static let phrases: [(Effects, String)] = [
    (.writesFiles, "writes files"), (.sendsRequests, "sends requests"),
    (.readsSecrets, "reads secrets"), (.usesKeyring, "uses the keyring"), (.runsPrograms, "runs programs"),
  ]
}
