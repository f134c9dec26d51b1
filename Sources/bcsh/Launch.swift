import ArgumentParser
import BcshCommandLine
import BcshFormats
import BcshKeyring
import BcshModel
import BcshPorts
import BcshProgram
import BcshShell
import BcshTerminal
import BcshVerify
import FoundationEssentials

/// What one run of bcsh was asked to do: the outer options as plain values. `Bcsh`, the
/// ArgumentParser declaration of those options, fills it for any command line;
/// `Launch.commonForm(_:)` fills it without ArgumentParser for the three forms scripts and
/// shebangs use (`bcsh`, `bcsh -c CMDS`, `bcsh FILE [NAME=VALUE ...]`), because parsing with
/// ArgumentParser costs about a fifth of start-up: its reflection and protocol-conformance lookups
/// scan every conformance record of the (statically linked) binary. A test checks that both
/// agree on every form the fast path takes.
struct Launch: Equatable {
  var command: String?
  var session: String?
  var variables: [String] = []
  var keepGoing = false
  var dryRun = false
  var trace = false
  var json = false
  var noRc = false
  var noHistory = false
  var color: Bcsh.ColorMode = .auto
  var sandbox = false
  var script: [String] = []

  init() {}

  /// The options ArgumentParser read.
  init(_ parsed: Bcsh) {
    command = parsed.command
    session = parsed.session
    variables = parsed.variables
    keepGoing = parsed.keepGoing
    dryRun = parsed.dryRun
    trace = parsed.trace
    json = parsed.json
    noRc = parsed.noRc
    noHistory = parsed.noHistory
    color = parsed.color
    sandbox = parsed.sandbox
    script = (parsed.script.map { [$0] } ?? []) + parsed.assignments
  }

  /// The launch for a command line of one of the common forms, or nil for anything else (any
  /// other option, a word starting with `-`, a NAME=VALUE that is not one): ArgumentParser reads
  /// those, with its help, errors and completion-script requests.
  static func commonForm(_ arguments: [String]) -> Launch? {
    var launch = Launch()
    if arguments.count == 2 && arguments[0] == "-c" {
      guard !arguments[1].hasPrefix("-") else { return nil }
      launch.command = arguments[1]
      return launch
    }
    guard arguments.allSatisfy({ !$0.hasPrefix("-") }),
      arguments.dropFirst().allSatisfy({ Bcsh.split($0) != nil })
    else { return nil }
    launch.script = arguments
    return launch
  }

  /// Runs the shell, a script or `-c` commands; throws `ExitCode` for any status but success.
  func run() async throws {
    let environment = StandardStreams.environment()
    var options = ShellOptions()
    options.keepGoing = keepGoing
    options.dryRun = dryRun
    options.trace = trace
    let interactive = command == nil && script.isEmpty && StandardStreams.standardInputIsTerminal
    options.interactive = interactive

    var shellEnvironment = ShellEnvironment(
      variables: environment, currentDirectory: StandardStreams.currentDirectory())
    do {
      shellEnvironment.apiBase = try APIBase.validated(environment["BCSH_API_BASE"] ?? APIBase.production)
    } catch {
      StandardStreams().writeFailure("BCSH_API_BASE: \(error.message)", hint: error.hint)
      throw ExitCode(ShellExitStatus.badInvocation.rawValue)
    }
    do {
      shellEnvironment.storefrontBase = try environment["BCSH_STOREFRONT_BASE"].map(APIBase.validated)
    } catch {
      StandardStreams().writeFailure("BCSH_STOREFRONT_BASE: \(error.message)", hint: error.hint)
      throw ExitCode(ShellExitStatus.badInvocation.rawValue)
    }
    shellEnvironment.ports = .live(
      caBundle: environment["BCSH_CA_BUNDLE"],
      standardInputIsTerminal: StandardStreams.standardInputIsTerminal,
      readsStandardInput: command != nil || !script.isEmpty)
    var sandboxLaunch: SandboxLaunch?
    if sandbox {
      let launch: SandboxLaunch
      do throws(BcshError) {
        launch = try SandboxLaunch.start()
      } catch {
        StandardStreams().writeFailure("error: " + error.message, hint: error.hint)
        throw ExitCode(ShellExitStatus.commandFailed.rawValue)
      }
      shellEnvironment.apiBase = launch.baseURL
      // The sandbox also serves the storefronts' /graphql.
      shellEnvironment.storefrontBase = launch.baseURL
      shellEnvironment.sandbox = launch.listing
      sandboxLaunch = launch
    }
    // Stopped on every way out (a session that does not open, a script that cannot be read), not
    // only at the end.
    defer { sandboxLaunch?.stop() }

    let format = OutputFormat(
      json: json, style: TextStyle(enabled: useColor(environment)),
      showsProgress: StandardStreams.standardOutputIsTerminal,
      columns: { StandardStreams.standardOutputColumns },
      diagnosticColumns: { StandardStreams.standardErrorColumns })
    let streams = StandardStreams()
    let shell = Shell(environment: shellEnvironment, options: options, format: format, writer: streams)
    // Session variables, so that `set` lists them; -v and NAME=VALUE may override them.
    for (name, value) in sandboxLaunch?.variables ?? [:] { shell.define(name, value) }
    for definition in variables + script.dropFirst() {
      let (name, value) = Bcsh.split(definition)!
      shell.define(name, value)
    }
    if let session {
      let status = await shell.openSessionAtStart(session)
      guard status == .success else { throw ExitCode(status.rawValue) }
    }

    let status: ShellExitStatus
    // A SIGTERM or SIGHUP that ended the interactive shell, or cancelled hidden entry in a script.
    var endingSignal: Int32?
    if let command {
      status = await shell.run(script: command, source: "-c", path: nil)
    } else if let file = script.first {
      let path = shellEnvironment.resolve(file)
      do {
        let text = try AtomicFile.read(path, shownAs: file)
        status = await shell.run(script: text, source: file, path: path)
      } catch {
        shell.report(error)
        throw ExitCode(ShellExitStatus.commandFailed.rawValue)
      }
    } else if interactive {
      let ending = await InteractiveShell.run(
        shell,
        historyFile: noHistory || dryRun
          ? nil : TerminalFiles.historyFile(environment, currentDirectory: shellEnvironment.currentDirectory),
        startupScript: noRc ? nil : TerminalFiles.startupScript(environment))
      switch ending {
      case .leave(let left): status = left
      case .signal(let signal): (status, endingSignal) = (.interrupted, signal)
      }
    } else {
      do {
        let text = try StandardStreams.readAllStandardInput()
        status = await shell.run(script: text, source: "stdin", path: nil)
      } catch {
        shell.report(error)
        status = .commandFailed
      }
    }
    sandboxLaunch?.stop()
    if let signal = endingSignal ?? Termination.take() { SignalExit.end(by: signal) }
    if let failure = streams.outputFailure {
      streams.writeError("bcsh: cannot write to standard output: \(failure)\n")
      throw ExitCode(max(status, .commandFailed).rawValue)
    }
    if status != .success { throw ExitCode(status.rawValue) }
  }

  private func useColor(_ environment: [String: String]) -> Bool {
    switch color {
    case .always: true
    case .never: false
    case .auto:
      StandardStreams.standardOutputIsTerminal && environment["NO_COLOR"] == nil
        && environment["TERM"] != "dumb"
    }
  }
}
