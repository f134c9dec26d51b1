import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import FoundationEssentials

/// What a command's handler works with: a copy of the state to change, what it may read of the
/// shell (its settings, output, masking, the environment's values) and where the command stands.
/// The shell itself stays behind it: whatever reaches outside the session goes through
/// `capabilities`.
public struct CommandContext {
  /// The draft state; it replaces the shell's state only if the handler returns normally.
  public var state: ShellState
  private let shell: Shell
  /// The script being run, for paths relative to it (`source`), or nil for interactive lines.
  public var scriptPath: String?
  /// Scripts being sourced, outermost first, to refuse cycles.
  var sourceStack: [String]
  /// The command's words and the effects its spec declares: the interpreter sets them before the
  /// handler runs.
  var declared: (words: [String], effects: Effects) = ([], [])
  /// Set by `exit`.
  public var exitRequest: ShellExitStatus?
  /// The command ran and its changes stand, but it ends with this failing status: a verify that
  /// found a problem or could not check (its outcome is recorded all the same), a sourced script
  /// that stopped at such a command or ran on under `--keep-going`. A script stops here unless
  /// `--keep-going`, as it does at an error.
  public var failedStatus: ShellExitStatus?

  /// What the command may do outside the session: the capabilities of the effects its spec
  /// declares (inert ones under `--dry-run`) and refusing ones for every other. Made when a
  /// handler asks, so that the commands that have no effects pay nothing for them.
  public var capabilities: Capabilities {
    shell.capabilities(for: declared.effects, of: declared.words.joined(separator: " "))
  }

  init(state: ShellState, shell: Shell, scriptPath: String?, sourceStack: [String]) {
    self.state = state
    self.shell = shell
    self.scriptPath = scriptPath
    self.sourceStack = sourceStack
  }

  /// A path from the user, absolute against the current folder (or `base`), `~` expanded.
  func resolvePath(_ path: String, from base: String? = nil) -> String {
    shell.environment.resolve(path, from: base)
  }

  // MARK: What the shell was started with

  /// `https://api.bigcommerce.com`, `BCSH_API_BASE`, or the sandbox's address.
  var apiBase: String { shell.environment.apiBase }
  /// `BCSH_STOREFRONT_BASE` or the sandbox: where storefront tokens' GraphQL requests go.
  var storefrontBase: String? { shell.environment.storefrontBase }

  /// The GraphQL address verify asks for a minted storefront token; nil for other tokens.
  func storefrontGraphQL(for token: Token) -> String? {
    guard let record = token.storefront, case .store(let hash)? = token.apiPath else { return nil }
    return try? StorefrontAddress.graphQL(
      storeHash: hash, channel: record.channels.first ?? 1, override: storefrontBase, site: record.site)
  }

  /// The sandbox `bcsh --sandbox` started; nil without one.
  var sandbox: SandboxListing? { shell.environment.sandbox }
  /// The interactive history, newest last; nil without one.
  var history: (() -> [String])? { shell.environment.history }
  /// Interactive, `--keep-going`, and the other options bcsh runs with.
  var options: ShellOptions { shell.options }
  /// A variable of the process environment (`--env`, `$NAME` after the session's own).
  func environmentVariable(_ name: String) -> String? { shell.environment.variables[name] }
  /// The whole process environment, for a program `exec` runs.
  var environmentVariables: [String: String] { shell.environment.variables }
  /// `doctor`'s checks, on the shell's file and process ports.
  var projectDoctor: ProjectDoctor {
    // Its checks run git.
    shell.writeOutputThrough()
    return shell.projectDoctor(knowing: state.session)
  }
  /// The shell's current folder.
  var currentDirectory: String { shell.environment.currentDirectory }
  /// The user's files, for reading.
  var files: any FileReading { shell.environment.ports.files }
  /// Now, by the shell's clock.
  var now: Date { shell.environment.ports.now() }
  /// All of standard input, for `--stdin`; nil when it is the terminal or not offered.
  var readStandardInput: (() throws(BcshError) -> String?)? {
    shell.writeOutputThrough()
    return shell.environment.ports.standardInput
  }

  /// Runs a sourced script on the draft state, as one of this command's steps.
  mutating func runSourced(_ text: String, source: String, path: String, sourceStack: [String]) async
    -> Shell.RunOutcome
  {
    await shell.run(script: text, source: source, path: path, state: &state, sourceStack: sourceStack)
  }

  /// Refuses to change what a minted storefront token is: the API fixed it.
  static func refuseMinted(_ token: Token) throws(BcshError) {
    guard let record = token.storefront else { return }
    throw BcshError(
      "'\(token.name)' is a minted \(record.kind.rawValue) token: its store, channels and scopes were fixed "
        + "when it was minted",
      code: .invalidValue,
      hint: "'token use NAME' selects an API account to change; 'token mint' makes another storefront token")
  }

  /// The current token, or an error saying how to get one.
  public func currentToken() throws(BcshError) -> Token { try state.session.requireCurrent() }

  /// Changes the current token. A change to what it declares or holds makes its last verify
  /// result stale, so that result is dropped.
  public mutating func updateCurrent(_ change: (inout Token) throws(BcshError) -> Void) throws(BcshError) {
    // The token read in place, not copied out: only its name and whether it was minted count.
    let name = try state.session.withCurrent { (current) throws(BcshError) in
      try Self.refuseMinted(current)
      return current.name
    }
    try state.session.update(name) { (token: inout Token) throws(BcshError) in
      // Without a verify result there is nothing to drop unless the change made one: the token
      // is then compared with nothing (most changes of a script).
      guard token.lastVerification != nil else {
        try change(&token)
        token.lastVerification = nil
        return
      }
      let before = token
      try change(&token)
      if token != before { token.lastVerification = nil }
    }
  }

  // MARK: Output

  public var format: OutputFormat { shell.format }

  /// Reports data: `text` for people, `json` under `--json`.
  /// `revealingSecrets` lets the session's secrets through unmasked (`--reveal`).
  public func report(
    _ text: @autoclosure () -> String, json: @autoclosure () -> JSONValue, revealingSecrets: Bool = false
  ) {
    // JSON escaping changes a secret's bytes, so its strings are masked before they are encoded,
    // and the encoded text is not masked again: that would find secrets in JSON syntax
    // (`false`, `": "`) rather than in the values that hold them.
    if format.json {
      let document = revealingSecrets ? json() : shell.masked(json())
      shell.write(document.serialized(pretty: true) + "\n", revealingSecrets: true)
    } else {
      shell.write(text(), revealingSecrets: revealingSecrets)
    }
  }

  /// A short confirmation for people ("added 3 scopes"); nothing under `--json`.
  public func confirm(_ text: String) { shell.confirm(text) }

  /// Writes text as it is (masked unless `revealingSecrets`): progress, `echo`, `help`.
  func write(_ text: String, revealingSecrets: Bool = false) {
    shell.write(text, revealingSecrets: revealingSecrets)
  }

  /// Writes text as `write` does, from a closure that outlives this context's borrow (verify's
  /// progress display).
  var writer: (String) -> Void { { [shell] in shell.write($0) } }

  /// `text` with the session's secrets masked.
  func masked(_ text: String) -> String { shell.masked(text) }

  /// Masks `secret` in everything written from now on: a value read for a command that may fail
  /// before it enters the session.
  func maskFromNow(_ secret: String) { shell.maskFromNow(secret) }

  /// Reports an error on standard error as a failing command's error is reported, while the
  /// command goes on (its changes stand; it sets `failedStatus`).
  func reportError(_ error: BcshError) { shell.report(error) }

  /// A warning on standard error, with the place it concerns.
  public func warn(_ message: String, at position: SourcePosition? = nil, hint: String? = nil) {
    shell.warn(message, at: position, hint: hint)
  }
}
