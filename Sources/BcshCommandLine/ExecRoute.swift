import ArgumentParser
import BcshShell

/// `bcsh exec [--session FILE] TOKEN [--for TOOL] [--storefront NAME] -- COMMAND [ARGS ...]`: runs
/// a program with a saved token's keys in its environment and nowhere else. The executable
/// replaces itself with the program (exec(2)), so that its streams, signals and exit status are
/// the program's own.
public struct ExecRoute: ParsableCommand {
  /// The word after `bcsh` that names it.
  public static let word = "exec"

  public static let configuration = CommandConfiguration(
    commandName: "bcsh \(word)",
    abstract: "Run a program with a token's keys in its environment only (no file, no argument).",
    discussion: """
      The program replaces bcsh: its exit status is the program's (127 not found, 126 not executable, \
      2 when bcsh could not prepare the keys).
      """)

  @Option(
    name: [.short, .long],
    help: ArgumentHelp(
      "The session file (JSON, typically NAME.bcsh.json) holding the token.", valueName: "FILE"),
    completion: .file(extensions: ["json"]))
  public var session: String?

  @Option(
    name: .customLong("for"),
    help: ArgumentHelp("The keys that tool reads (bigcommerce when not given).", valueName: "TOOL"))
  public var tool: ExecTool?

  @Option(
    help: ArgumentHelp(
      "A storefront token of the same store, as BIGCOMMERCE_STOREFRONT_TOKEN (catalyst).", valueName: "NAME"))
  public var storefront: String?

  @Option(
    help: ArgumentHelp(
      "Instead of --for: KEY=bcsh://TOKEN/FIELD lines (and plain KEY=value ones), resolved from the session.",
      valueName: "FILE"),
    completion: .file())
  public var envFile: String?

  @ArgumentParser.Argument(help: ArgumentHelp("The token (API account) of the session.", valueName: "TOKEN"))
  public var token: String

  @ArgumentParser.Argument(
    parsing: .postTerminator,
    help: ArgumentHelp("The program and its arguments, after --.", valueName: "COMMAND"))
  public var command: [String] = []

  public init() {}

  public func validate() throws {
    guard session != nil else {
      throw ValidationError("missing --session FILE: the session file that holds '\(token)'")
    }
    guard !command.isEmpty else { throw ValidationError("missing the program to run, after --") }
    if envFile != nil && (tool != nil || storefront != nil) {
      throw ValidationError("give --for (and --storefront) or --env-file, not both")
    }
  }
}

extension ExecTool: ExpressibleByArgument {
  public var defaultValueDescription: String {
    switch self {
    case .bigcommerce: "the BIGCOMMERCE keys that a saved env file holds"
    case .catalyst: "the keys Catalyst reads, with the storefront token"
    case .stencil: "refused: stencil reads only its files, which export writes"
    }
  }
}
