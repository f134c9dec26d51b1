import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import FoundationEssentials

/// What the shell may touch outside itself. Tests give their own.
public struct ShellEnvironment {
  /// The process environment, for `$NAME` and `--env`.
  public var variables: [String: String]
  public var currentDirectory: String
  /// Reads all of standard input, for `token set FIELD --stdin`; nil when it is the terminal.
  public var readStandardInput: (() throws(BcshError) -> String?)?
  /// Hidden entry; nil when there is no terminal to ask on.
  public var secretReader: (any SecretReading)?
  /// The interactive history, newest last, for `history`.
  public var history: (() -> [String])?
  /// `https://api.bigcommerce.com`, `BCSH_API_BASE`, or the sandbox's address.
  public var apiBase: String
  /// Makes the HTTP transport when verify first needs it.
  public var makeTransport: @Sendable () throws -> any HTTPTransport
  /// Connects to the OS keyring when `save --keyring` or a keyring session file needs it.
  public var makeSecretStore: () throws(BcshError) -> any SecretStoring = { () throws(BcshError) in
    throw BcshError(
      "this build of bcsh has no keyring support", code: .unsupported,
      hint: "save without --keyring keeps the secrets in the file")
  }
  public var now: () -> Date
  /// The sandbox `bcsh --sandbox` started, for `sandbox show`; nil without one.
  public var sandbox: SandboxListing?

  public init(
    variables: [String: String], currentDirectory: String, apiBase: String = APIBase.production,
    makeTransport: @escaping @Sendable () throws -> any HTTPTransport = {
      throw BcshError("this build of bcsh cannot reach the network", code: .unsupported)
    }
  ) {
    self.variables = variables
    self.currentDirectory = currentDirectory
    self.apiBase = apiBase
    self.makeTransport = makeTransport
    self.now = Date.init
  }

  /// A path from the user: `~` expanded, a relative one taken from `base` (the current folder
  /// unless said otherwise).
  public func resolve(_ path: String, from base: String? = nil) -> String {
    Paths.resolve(path, against: base ?? currentDirectory, home: variables["HOME"])
  }
}
