import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import FoundationEssentials

/// The interpreter: runs lines and scripts against the session, one command at a time, each
/// either succeeding whole or leaving the state as it was.
public final class Shell {
  public private(set) var state = ShellState()
  public let options: ShellOptions
  public let format: OutputFormat
  public var environment: ShellEnvironment
  /// Where output and diagnostics go.
  let writer: any OutputWriting
  /// The secret values the session holds, masked in everything written. Updated after every
  /// command, so that a script that sets a secret cannot echo it on its next line.
  private(set) var secrets = KnownSecrets()
  /// How many times the shell learned new secret values: a line recorded before may carry one.
  public private(set) var secretsLearned = 0
  /// The stores' channels, for completing `--channel`.
  let channelDirectory = ChannelDirectory()
  /// Output not yet handed to `writer`. While a script runs with standard output not a terminal,
  /// output is written in blocks instead of one write (and flush) a line; it is handed on before
  /// anything goes to standard error, before a command reaches outside the session (its
  /// capabilities: files, programs, the network, hidden entry), reads standard input or runs git,
  /// when it reaches `heldOutputLimit`, and when the run ends, whichever way it ends.
  var heldOutput = ""
  /// Whether `write` holds output now: only within a script run that holds it, and not in a
  /// command that reached outside the session (its progress and a program's output are in order).
  var holdsOutput = false
  /// Whether the script running (and the scripts it sources) holds output.
  private var runHoldsOutput = false
  /// The most output held before it is handed on.
  static let heldOutputLimit = 32 << 10

  public init(
    environment: ShellEnvironment, options: ShellOptions = ShellOptions(),
    format: OutputFormat = OutputFormat(),
    writer: any OutputWriting
  ) {
    self.environment = environment
    self.options = options
    self.format = format
    self.writer = writer
  }

  /// Sets a variable before anything runs (`-v NAME=VALUE`, `NAME=VALUE` after a script).
  public func define(_ name: String, _ value: String) { state.variables[name] = value }

  /// Replaces the state wholesale (opening `--session FILE` before the first command).
  private func restore(_ state: ShellState) {
    self.state = state
    noteSecrets(in: &self.state)
  }

  // MARK: Running

  /// Runs a whole script: it is parsed first (a syntax error runs nothing), then each command in
  /// order. Stops at the first failure unless `keepGoing`. Returns the exit status.
  public func run(script text: String, source: String, path: String?) async -> ShellExitStatus {
    var state = self.state
    // Output to a terminal, and the interactive shell's, is written as it comes.
    runHoldsOutput = !options.interactive && !format.showsProgress
    defer {
      runHoldsOutput = false
      holdsOutput = false
      flushOutput()
    }
    let outcome = await run(script: text, source: source, path: path, state: &state, sourceStack: [])
    self.state = state
    return outcome.status
  }

  /// Runs one interactive line (which may hold several commands separated by `;`).
  public func execute(line: String, source: String = "stdin", lineNumber: Int) async -> RunOutcome {
    var state = self.state
    let outcome = await run(
      script: line, source: source, path: nil, state: &state, sourceStack: [], firstLine: lineNumber)
    self.state = state
    return outcome
  }

  /// The result of running text: its status and whether `exit` asked to leave.
  public struct RunOutcome: Sendable {
    public var status: ShellExitStatus
    public var exitRequest: ShellExitStatus?
    /// The run stopped at a command whose changes stand (see `CommandContext.failedStatus`), so
    /// everything it did before stands too.
    public var keptChanges = false

    public init(status: ShellExitStatus, exitRequest: ShellExitStatus? = nil, keptChanges: Bool = false) {
      self.status = status
      self.exitRequest = exitRequest
      self.keptChanges = keptChanges
    }
  }

  func run(
    script text: String, source: String, path: String?, state: inout ShellState, sourceStack: [String],
    firstLine: Int = 1
  ) async -> RunOutcome {
    // Two passes over the text: the first refuses a syntax error before anything runs, the second
    // hands out one command at a time, so a long script is never held parsed in memory.
    var lexer = Lexer(text, source: source, firstLine: firstLine)
    do throws(BcshError) {
      try lexer.validate()
    } catch {
      report(error)
      return RunOutcome(status: error.status)
    }
    var worst = ShellExitStatus.success
    while let command = try? lexer.nextCommand() {
      if Task.isCancelled {
        report(BcshError("interrupted", code: .interrupted, at: command.position, status: .interrupted))
        return RunOutcome(status: .interrupted)
      }
      var context = CommandContext(state: state, shell: self, scriptPath: path, sourceStack: sourceStack)
      // Each command starts holding output again when the script does (the one before may have
      // reached outside the session).
      holdsOutput = runHoldsOutput
      do throws(BcshError) {
        let (spec, invocation) = try prepare(command, in: &context)
        // A command that never waits runs with plain calls (most lines of a script).
        if let immediate = spec.immediateHandler {
          try BcshError.placing(at: command.position) { () throws(BcshError) in
            try immediate(&context, invocation)
          }
        } else {
          try await BcshError.placing(at: command.position) { () async throws(BcshError) in
            try await spec.handler(&context, invocation)
          }
        }
        // Swapped, not copied: the draft becomes the state without retaining each of its parts
        // again, and the old state goes with the context.
        swap(&state, &context.state)
        noteSecrets(in: &state)
        secrets.endCommand()
        if let request = context.exitRequest { return RunOutcome(status: request, exitRequest: request) }
        if let failed = context.failedStatus {
          worst = max(worst, failed)
          if !options.keepGoing { return RunOutcome(status: failed, keptChanges: true) }
        }
      } catch {
        // The error may quote what the command read: it is reported while that is still masked.
        report(error)
        secrets.endCommand()
        worst = max(worst, error.status)
        if !options.keepGoing || error.status == .interrupted { return RunOutcome(status: error.status) }
      }
    }
    return RunOutcome(status: worst)
  }

  /// Expands and matches one command on `context.state`, and shows it under `-x`: the command's
  /// declaration and its invocation, ready to run.
  private func prepare(_ command: WrittenCommand, in context: inout CommandContext) throws(BcshError) -> (
    CommandSpec, Invocation
  ) {
    let expander: Expander
    if command.words.allSatisfy(\.holdsNoVariable) {
      // No word holds a variable (most lines): nothing is looked up, so no lookup capturing the
      // variables is made.
      expander = Expander { _ in nil }
    } else {
      let variables = context.state.variables
      let environment = self.environment.variables
      expander = Expander { variables[$0] ?? environment[$0] }
    }
    let arguments = try expander.expand(command.words)
    let (spec, consumed) = try CommandTable.match(arguments, at: command.position)
    context.declared = (spec.words, spec.effects)
    let invocation = try Invocation(
      spec: spec, position: command.position, words: arguments[consumed...])
    if options.trace {
      // A line that carries a secret shows its positionals beyond the first masked, and so does
      // any word shaped like a secret (`set T VALUE`, before T is known to hold one).
      let words = arguments.dropFirst(consumed).map { Optional($0.value) }[...]
      let positionals = PartialInvocation.read(words, of: spec).0.positionals.dropFirst().compactMap { $0 }
      let hidden = spec.carriesSecret(in: words)
      let shown = arguments.enumerated().map { index, word in
        (hidden && index >= consumed && positionals.contains(word.value))
          || ShownWord.looksLikeSecret(word.value)
          ? Secret.mask(word.value) : Word.typed(ShownWord.escaped(masked(word.value)))
      }
      writeError("+ " + shown.joined(separator: " ") + "\n")
    }
    return (spec, invocation)
  }

  /// Learns the secrets of the tokens the last command added or changed.
  private func noteSecrets(in state: inout ShellState) {
    if secrets.learn(from: &state) { secretsLearned += 1 }
  }

  /// Masks `value` in everything written from now until the running command ends, and after that
  /// for as long as a token holds it: a credential is masked from the moment it is read.
  func maskFromNow(_ value: String) { secrets.noteRead(value) }

  /// `text` with every secret the session holds masked.
  func masked(_ text: String) -> String { secrets.mask(text) }

  /// `value` with every secret the session holds masked, before it is encoded.
  func masked(_ value: JSONValue) -> JSONValue { secrets.mask(value) }

  /// What a command declaring `effects` may do outside the session: inert under `--dry-run`,
  /// refusing for every effect not declared.
  func capabilities(for effects: Effects, of command: String) -> Capabilities {
    writeOutputThrough()
    return Capabilities.granted(
      effects, to: command, ports: environment.ports, apiBase: environment.apiBase,
      storefrontBase: environment.storefrontBase, dryRun: options.dryRun,
      confirm: confirm)
  }
}

extension Shell {
  /// `--session FILE`: opens the file as the session's own. A file that does not exist is an
  /// error, as it is for `open` (a typo would otherwise start an empty session without a word);
  /// `save FILE` makes a new session file.
  public func openSessionAtStart(_ file: String) async -> ShellExitStatus {
    let path = environment.resolve(file)
    var context = CommandContext(state: state, shell: self, scriptPath: nil, sourceStack: [])
    context.declared = (["--session"], .usesKeyring)
    do throws(BcshError) {
      try context.open(path: path, shownAs: file, at: nil)
    } catch {
      report(error)
      return error.status
    }
    restore(context.state)
    // Opened, but a secret it lists is missing from the keyring (already said).
    return context.failedStatus ?? .success
  }
}
