import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import HashTreeCollections

/// What Tab completion reads of a shell at the moment Tab is pressed: the session (token names,
/// the current token's kind and scopes), the variables and where relative paths start.
public struct CompletionContext: Sendable {
  /// The tokens (names for `token use`, the current one's kind and declared scopes).
  public var session: Session
  /// The session's variables (`set NAME VALUE`), looked up before the environment.
  public var variables: Variables
  /// The process environment.
  public var environment: [String: String]
  /// Where relative file paths start.
  public var currentDirectory: String
  /// The channels `--channel` offers for the `--from` token of that name: those of its store when
  /// it can read them. None unless the shell can ask the API.
  public var channelsOf: @Sendable (Token) -> [StorefrontTokenClient.Channel] = { _ in [] }

  public init(
    session: Session = Session(), variables: Variables = [:], environment: [String: String] = [:],
    currentDirectory: String
  ) {
    self.session = session
    self.variables = variables
    self.environment = environment
    self.currentDirectory = currentDirectory
  }

  /// The shell's state and environment as they are now.
  public init(shell: Shell) {
    self.init(
      session: shell.state.session, variables: shell.state.variables,
      environment: shell.environment.variables, currentDirectory: shell.environment.currentDirectory)
    if !shell.options.dryRun {
      let directory = shell.channelDirectory
      let (makeTransport, clock) = (shell.environment.ports.transport, shell.environment.ports.pacingClock)
      let apiBase = shell.environment.apiBase
      channelsOf = { token in
        directory.channels(of: token, makeTransport: makeTransport, clock: clock, apiBase: apiBase)
      }
    }
  }

  /// A variable's value as `$NAME` expands it: the session's first, then the environment's.
  func value(of name: String) -> String? { variables[name] ?? environment[name] }

  /// The kind of scopes `scope add` offers: the current token's, or store scopes without one.
  var tokenKind: TokenKind { session.current?.kind ?? .store }

  var home: String? { environment["HOME"] }
}
