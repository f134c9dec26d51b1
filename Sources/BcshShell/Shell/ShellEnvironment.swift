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
  /// The interactive history, newest last, for `history`.
  public var history: (() -> [String])?
  /// `https://api.bigcommerce.com`, `BCSH_API_BASE`, or the sandbox's address.
  public var apiBase: String
  /// `BCSH_STOREFRONT_BASE`, or the sandbox's address: where storefront tokens' GraphQL requests
  /// go instead of the channel's storefront. nil for the storefront itself.
  public var storefrontBase: String?
  /// The services outside the process: requests, keyring, hidden entry, standard input, other
  /// programs, clocks.
  public var ports: Ports
  /// The sandbox `bcsh --sandbox` started, for `sandbox show`; nil without one.
  public var sandbox: SandboxListing?

  public init(
    variables: [String: String], currentDirectory: String, apiBase: String = APIBase.production,
    ports: Ports = Ports()
  ) {
    self.variables = variables
    self.currentDirectory = currentDirectory
    self.apiBase = apiBase
    self.ports = ports
  }

  /// A path from the user: `~` expanded, a relative one taken from `base` (the current folder
  /// unless said otherwise).
  public func resolve(_ path: String, from base: String? = nil) -> String {
    Paths.resolve(path, against: base ?? currentDirectory, home: variables["HOME"])
  }
}
