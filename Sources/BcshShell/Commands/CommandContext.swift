import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// What a command's handler works with: a copy of the state to change, the shell's services, and
/// where the command stands.
public struct CommandContext {
  /// The draft state; it replaces the shell's state only if the handler returns normally.
  public var state: ShellState
  public let shell: Shell
  /// The script being run, for paths relative to it (`source`), or nil for interactive lines.
  public var scriptPath: String?
  /// Scripts being sourced, outermost first, to refuse cycles.
  var sourceStack: [String]
  /// The command's words and the effects its spec declares: the interpreter sets them before the
  /// handler runs.
  var declared: (words: [String], effects: Effects) = ([], [])
  /// Set by `exit`.
  public var exitRequest: ExitStatus?
  /// The command ran and its changes stand, but it ends with this failing status: a verify that
  /// found a problem or could not check (its outcome is recorded all the same), a sourced script
  /// that stopped at such a command or ran on under `--keep-going`. A script stops here unless
  /// `--keep-going`, as it does at an error.
  public var failedStatus: ExitStatus?

  /// What the command may do outside the session: the capabilities of the effects its spec
  /// declares (inert ones under `--dry-run`) and refusing ones for every other. Made when a
  /// handler asks, so that the commands that have no effects pay nothing for them.
  public var capabilities: Capabilities {
    shell.capabilities(for: declared.effects, of: declared.words.joined(separator: " "))
  }

  /// A path from the user, absolute against the current folder, `~` expanded.
  func resolvePath(_ path: String) -> String { shell.environment.resolve(path) }

  /// The current token, or an error saying how to get one.
  public func currentToken() throws(BcshError) -> Token { try state.session.requireCurrent() }

  /// Changes the current token. A change to what it declares or holds makes its last verify
  /// result stale, so that result is dropped.
  public mutating func updateCurrent(_ change: (inout Token) throws(BcshError) -> Void) throws(BcshError) {
    let name = try currentToken().name
    try state.session.update(name) { (token: inout Token) throws(BcshError) in
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

  /// A warning on standard error, with the place it concerns.
  public func warn(_ message: String, at position: SourcePosition? = nil, hint: String? = nil) {
    shell.warn(message, at: position, hint: hint)
  }
}
