import ArgumentParser
import BcshCore

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
    try await Launch(self).run()
  }

  /// `NAME=VALUE` split at the first `=`, when NAME is a variable name.
  static func split(_ definition: String) -> (String, String)? {
    guard let equals = definition.firstIndex(of: "=") else { return nil }
    let name = String(definition[..<equals])
    guard VariableName.isValid(name) else { return nil }
    return (name, String(definition[definition.index(after: equals)...]))
  }
}
