import ArgumentParser
import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify

/// `bcsh [OPTIONS] [FILE.bcsh [NAME=VALUE ...]]`: the shell, a script, or `-c` commands.
///
/// Only the declaration: the executable runs what was parsed (`Launch`), and `bcsh-docs` renders
/// the completion scripts, the manual's options and README's option table from the same
/// declaration. How each value completes is declared here too (`completion:`, `ColorMode`'s cases).
public struct Bcsh: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "bcsh",
    abstract: "Prepare, save and verify BigCommerce API credentials.",
    // ArgumentParser prints this after "USAGE: " and indents the later lines as far itself.
    usage: """
      bcsh [OPTIONS]                             interactive shell (commands from stdin when not a terminal)
      bcsh [OPTIONS] FILE.bcsh [NAME=VALUE ...]  run a script
      bcsh [OPTIONS] -c 'CMD; CMD'               run commands and exit
      bcsh sandbox serve [OPTIONS]               run the sandbox API for other programs
      bcsh exec -s FILE TOKEN [OPTIONS] -- CMD   run a program with a token's keys in its environment
      bcsh doctor [DIR] [--verify] [--json]      find credential mistakes in a project folder
      """,
    discussion: """
      Exit status: 0 success, 1 verify found a problem, 2 a command failed, 64 bad invocation, 130 interrupted.
      Environment: BCSH_API_BASE, BCSH_STOREFRONT_BASE, BCSH_CA_BUNDLE, BCSH_HISTFILE, BCSH_RC, NO_COLOR, XDG_STATE_HOME, XDG_CONFIG_HOME.
      Inside the shell, 'help' lists every command.
      """,
    version: BcshVersion.current
  )

  /// The commands that take over the whole command line when their word comes first
  /// (`bcsh sandbox serve ...`): main.swift hands them the rest, the documentation lists them.
  public static let routes: [(word: String, command: any ParsableCommand.Type)] = [
    (SandboxCommand.word, SandboxCommand.self), (ExecRoute.word, ExecRoute.self),
    (DoctorRoute.word, DoctorRoute.self),
  ]

  @Option(
    name: [.short, .customLong("command")],
    help: ArgumentHelp("Run commands (separated by ;) and exit.", valueName: "CMDS"))
  public var command: String?

  @Option(
    name: [.short, .long],
    help: ArgumentHelp("Open a session file (JSON, typically NAME.bcsh.json) first.", valueName: "FILE"),
    completion: .file(extensions: ["json"]))
  public var session: String?

  @Option(
    name: [.customShort("v"), .customLong("var")],
    help: ArgumentHelp("Set a variable (repeatable).", valueName: "NAME=VALUE"))
  public var variables: [String] = []

  @Flag(help: "A script goes on after a failed command instead of stopping there.")
  public var keepGoing = false

  @Flag(help: "Parse and check everything; write no file and send nothing.")
  public var dryRun = false

  @Flag(
    name: [.customShort("x"), .long],
    help: "Print each command, expanded and with secrets masked, before it runs.")
  public var trace = false

  @Flag(help: "Machine output: one JSON document, with stable keys, per command that reports something.")
  public var json = false

  @Flag(help: "Do not run the start-up script.")
  public var noRc = false

  @Flag(help: "Do not read or write the history file.")
  public var noHistory = false

  @Option(help: ArgumentHelp("When to use colour.", valueName: "WHEN"))
  public var color: ColorMode = .auto

  @Flag(help: "Start the built-in sandbox API on a loopback port and point the session at it.")
  public var sandbox = false

  @ArgumentParser.Argument(
    help: ArgumentHelp("A script to run.", valueName: "FILE.bcsh"), completion: .file(extensions: ["bcsh"]))
  public var script: String?

  @ArgumentParser.Argument(help: ArgumentHelp("Variables for the script.", valueName: "NAME=VALUE"))
  public var assignments: [String] = []

  public enum ColorMode: String, ExpressibleByArgument, CaseIterable, Sendable {
    case auto, always, never

    public var defaultValueDescription: String {
      switch self {
      case .auto: "only on a terminal, unless NO_COLOR is set or TERM is dumb"
      case .always: "even when not a terminal"
      case .never: "no colour"
      }
    }
  }

  public init() {}

  public func validate() throws {
    if command != nil && script != nil {
      throw ValidationError("give either -c or a script FILE, not both")
    }
    for definition in variables + assignments where Self.split(definition) == nil {
      throw ValidationError("\(ShownWord.quoted(definition)) is not NAME=VALUE")
    }
  }

  /// `NAME=VALUE` split at the first `=`, when NAME is a variable name.
  public static func split(_ definition: String) -> (String, String)? {
    guard let equals = definition.firstIndex(of: "=") else { return nil }
    let name = String(definition[..<equals])
    guard VariableName.isValid(name) else { return nil }
    return (name, String(definition[definition.index(after: equals)...]))
  }
}
