import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `exec TOKEN [--for TOOL] [--storefront NAME] -- COMMAND [ARGS ...]`: runs a program with a
/// token's keys in its environment, and nowhere else.
struct ExecCommand: ShellCommand {
  static let token = RequiredArgument<String>("TOKEN", .tokenName)
  static let command = RepeatedArgument<String>("COMMAND", .text, atLeastOne: true)
  static let tool = ValueOption<ExecTool>(
    "--for", value: "TOOL", "the keys that tool reads: bigcommerce (default) or catalyst")
  static let storefront = ValueOption<String>(
    "--storefront", value: "NAME", .tokenName,
    "a storefront token of the same store, as BIGCOMMERCE_STOREFRONT_TOKEN (catalyst)")
  static let envFile = ValueOption<String>(
    "--env-file", value: "FILE", .file(.any),
    "instead of --for: KEY=bcsh://TOKEN/FIELD lines (and plain KEY=value ones), resolved from the session")
  static let spec = CommandSpec(
    ["exec"], "run a program with a token's keys in its environment only (no file, no argument)",
    arguments: [token.spec, command.spec], options: [tool.spec, storefront.spec, envFile.spec],
    example: "exec catalyst-dev --for catalyst --storefront web -- pnpm dev", effects: .runsPrograms)

  let token: Given<String>
  let command: [Given<String>]
  let tool: ExecTool
  let storefront: Given<String>?
  let envFile: Given<String>?
  let toolGiven: Given<ExecTool>?

  init(from invocation: Invocation) throws(BcshError) {
    token = try invocation.read(Self.token)
    command = try invocation.read(Self.command)
    toolGiven = try invocation.read(Self.tool)
    tool = toolGiven?.value ?? .bigcommerce
    storefront = try invocation.read(Self.storefront)
    envFile = try invocation.read(Self.envFile)
  }

  func run(in context: inout CommandContext) async throws(BcshError) {
    let session = context.state.session
    let account = try context.token(named: token)
    let storefrontToken: Token? =
      if let storefront {
        try BcshError.placing(at: storefront.position) { () throws(BcshError) in
          try session.require(storefront.value)
        }
      } else { nil }
    var template: [(name: String, value: String)]?
    if let envFile {
      if let toolGiven {
        throw BcshError("give --for or --env-file, not both", code: .usage, at: toolGiven.position)
      }
      if let storefront {
        throw BcshError(
          "--storefront goes with --for catalyst, not --env-file", code: .usage,
          hint: "name the storefront token in the file: KEY=bcsh://\(storefront.value)/access-token",
          at: storefront.position)
      }
      let text = try BcshError.placing(at: envFile.position) { () throws(BcshError) in
        try context.files.read(context.resolvePath(envFile.value), shownAs: envFile.value)
      }
      template = try EnvTemplate.resolve(text, source: envFile.value, session: session)
    }
    let plan = try BcshError.placing(at: storefront?.position ?? token.position) { () throws(BcshError) in
      try ExecPlan.make(
        command.map(\.value), tool: tool, token: account, storefront: storefrontToken, template: template,
        apiBase: context.apiBase, now: context.now, inherited: context.environmentVariables)
    }
    for warning in plan.warnings { context.warn(warning, at: storefront?.position) }
    let ending = try BcshError.placing(at: command[0].position) { () throws(BcshError) in
      try context.capabilities.programs.run(plan, in: context.currentDirectory)
    }
    switch ending {
    case .exited(0): break
    // SIGINT (2): a Ctrl-C stopped the program, as it would have stopped a command of the shell.
    case .signaled(let signal) where signal == 2:
      context.failedStatus = .interrupted
    default:
      let how =
        switch ending {
        case .exited(let status): "exited with status \(status)"
        case .signaled(let signal): "ended by signal \(signal) (status \(ending.status))"
        }
      context.warn("\(ShownWord.quoted(command[0].value)) \(how)", at: command[0].position)
      context.failedStatus = .commandFailed
    }
  }
}

extension ExecTool: ClosedSetArgument {
  static var noun: String { "tool" }
  static var kind: ArgumentKind { .execTool }
}
