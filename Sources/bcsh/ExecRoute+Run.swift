import ArgumentParser
import BcshCommandLine
import BcshModel
import BcshPorts
import BcshProcesses
import BcshProgram
import BcshShell
@preconcurrency import Glibc

/// `bcsh exec`, run: the declaration and its checks are BcshCommandLine's.
extension ExecRoute {
  /// Opens the session, makes the program's environment and replaces bcsh with the program; it
  /// returns only by throwing the status of a failure.
  func execute() async throws -> Never {
    let variables = StandardStreams.environment()
    var environment = ShellEnvironment(
      variables: variables, currentDirectory: StandardStreams.currentDirectory())
    let streams = StandardStreams()
    do {
      environment.apiBase = try APIBase.validated(variables["BCSH_API_BASE"] ?? APIBase.production)
    } catch {
      streams.writeFailure("BCSH_API_BASE: \(error.message)", hint: error.hint)
      throw ExitCode(ShellExitStatus.badInvocation.rawValue)
    }
    environment.ports = .live(
      caBundle: variables["BCSH_CA_BUNDLE"], standardInputIsTerminal: StandardStreams.standardInputIsTerminal,
      readsStandardInput: false)
    let shell = Shell(environment: environment, options: ShellOptions(), writer: streams)
    if let session {
      let status = await shell.openSessionAtStart(session)
      guard status == .success else { throw ExitCode(status.rawValue) }
    }
    let plan: ExecPlan
    let path: String
    do throws(BcshError) {
      plan = try shell.execPlan(
        command, token: token, tool: tool ?? .bigcommerce, storefront: storefront, envFile: envFile)
    } catch {
      shell.report(error)
      throw ExitCode(ShellExitStatus.commandFailed.rawValue)
    }
    do throws(BcshError) {
      path = try ProgramSearch.path(of: command[0], environment: plan.environment)
    } catch {
      shell.report(error)
      throw ExitCode(ProgramSearch.status(for: error))
    }
    for warning in plan.warnings { shell.warn(warning) }
    Self.replaceProcess(path: path, arguments: plan.arguments, environment: plan.environment)
    streams.writeFailure(
      "error: cannot run \(ShownWord.quoted(command[0])): \(String(cString: strerror(errno)).lowercased())",
      hint: nil)
    throw ExitCode(126)
  }

  /// exec(2): the program takes over this process, with every signal at its default and none
  /// blocked. Returns only when it could not.
  private static func replaceProcess(path: String, arguments: [String], environment: [String]) {
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    sigprocmask(SIG_SETMASK, &unblocked, nil)
    for number in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT] { signal(number, SIG_DFL) }
    var argv = arguments.map { strdup($0) }
    argv.append(nil)
    var envp = environment.map { strdup($0) }
    envp.append(nil)
    execve(path, argv, envp)
    argv.forEach { free($0) }
    envp.forEach { free($0) }
  }
}
