import ArgumentParser
import BcshCore
import BcshHTTP
import BcshKeyring
import BcshTerminal
import Foundation

/// `bcsh [OPTIONS] [FILE.bcsh [NAME=VALUE ...]]`: the shell, a script, or `-c` commands.
struct Bcsh: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bcsh",
    abstract: "Prepare, save and verify BigCommerce API credentials.",
    usage: """
      bcsh [OPTIONS]                          interactive shell (commands from stdin when it is not a terminal)
        bcsh [OPTIONS] FILE.bcsh [NAME=VALUE ...] run a script
        bcsh [OPTIONS] -c 'CMD; CMD'              run commands and exit
        bcsh sandbox serve [OPTIONS]              run the sandbox API for other programs
      """,
    discussion: """
      Exit status: 0 success, 1 verify found a problem, 2 a command failed, 64 bad invocation, 130 interrupted.
      Environment: BCSH_API_BASE, BCSH_CA_BUNDLE, BCSH_HISTFILE, BCSH_RC, NO_COLOR, XDG_STATE_HOME, XDG_CONFIG_HOME.
      Inside the shell, 'help' lists every command.
      """,
    version: BcshVersion.current
  )

  @Option(
    name: [.short, .customLong("command")], help: ArgumentHelp("Run commands and exit.", valueName: "CMDS"))
  var command: String?

  @Option(name: [.short, .long], help: ArgumentHelp("Open a session file first.", valueName: "FILE"))
  var session: String?

  @Option(
    name: [.customShort("v"), .customLong("var")],
    help: ArgumentHelp("Set a variable (repeatable).", valueName: "NAME=VALUE"))
  var variables: [String] = []

  @Flag(help: "A script goes on after a failed command.")
  var keepGoing = false

  @Flag(help: "Parse and check everything; write no file and send nothing.")
  var dryRun = false

  @Flag(name: [.customShort("x"), .long], help: "Print each command before it runs.")
  var trace = false

  @Flag(help: "Machine output: one JSON document per command that reports something.")
  var json = false

  @Flag(help: "Do not run the start-up script.")
  var noRc = false

  @Flag(help: "Do not read or write the history file.")
  var noHistory = false

  @Option(help: ArgumentHelp("When to use colour: auto, always or never.", valueName: "WHEN"))
  var color: ColorMode = .auto

  @Flag(help: "Start the built-in sandbox API and point the session at it.")
  var sandbox = false

  @ArgumentParser.Argument(
    help: ArgumentHelp("A script to run, then NAME=VALUE variables for it.", valueName: "FILE"))
  var script: [String] = []

  enum ColorMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
  }

  func validate() throws {
    if command != nil && !script.isEmpty {
      throw ValidationError("give either -c or a script FILE, not both")
    }
    for definition in variables + script.dropFirst() where Self.split(definition) == nil {
      throw ValidationError("'\(definition)' is not NAME=VALUE")
    }
  }

  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
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
      StandardStreams().writeError(
        "bcsh: BCSH_API_BASE: \(error.message)\n" + (error.hint.map { "hint: \($0)\n" } ?? ""))
      throw ExitCode(ExitStatus.badInvocation.rawValue)
    }
    let caBundle = environment["BCSH_CA_BUNDLE"]
    shellEnvironment.makeTransport = { AsyncHTTPTransport(trustRootsPEMFile: caBundle) }
    shellEnvironment.makeSecretStore = { SecretServiceStore() }
    var sandboxLaunch: SandboxLaunch?
    if sandbox {
      let launch = try await SandboxLaunch.start()
      shellEnvironment.apiBase = launch.server.baseURL
      shellEnvironment.variables.merge(launch.variables) { _, sandbox in sandbox }
      sandboxLaunch = launch
    }

    if StandardStreams.standardInputIsTerminal {
      shellEnvironment.secretReader = TerminalSecretReader()
    } else if command != nil || !script.isEmpty {
      shellEnvironment.readStandardInput = { StandardStreams.readAllStandardInput() }
    }

    let format = OutputFormat(json: json, style: TextStyle(enabled: useColor(environment)))
    let shell = Shell(
      environment: shellEnvironment, options: options, format: format, writer: StandardStreams())
    for definition in variables + script.dropFirst() {
      let (name, value) = Self.split(definition)!
      shell.define(name, value)
    }
    if let session {
      let status = await shell.openSessionAtStart(session)
      guard status == .success else { throw ExitCode(status.rawValue) }
    }

    let status: ExitStatus
    if let command {
      status = await shell.run(script: command, source: "-c", path: nil)
    } else if let file = script.first {
      let path = shellEnvironment.resolve(file)
      do {
        let text = try AtomicFile.read(path, shownAs: file)
        status = await shell.run(script: text, source: file, path: path)
      } catch {
        shell.report(error)
        throw ExitCode(ExitStatus.commandFailed.rawValue)
      }
    } else if interactive {
      status = await InteractiveShell.run(
        shell,
        historyFile: noHistory
          ? nil : TerminalFiles.historyFile(environment, currentDirectory: shellEnvironment.currentDirectory),
        startupScript: noRc ? nil : TerminalFiles.startupScript(environment))
    } else {
      status = await shell.run(script: StandardStreams.readAllStandardInput(), source: "stdin", path: nil)
    }
    try? await sandboxLaunch?.server.stop()
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

  /// `NAME=VALUE` split at the first `=`, when NAME is a variable name.
  static func split(_ definition: String) -> (String, String)? {
    guard let equals = definition.firstIndex(of: "=") else { return nil }
    let name = String(definition[..<equals])
    guard VariableName.isValid(name) else { return nil }
    return (name, String(definition[definition.index(after: equals)...]))
  }
}
