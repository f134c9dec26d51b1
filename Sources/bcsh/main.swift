import ArgumentParser
import BcshCommandLine
import CCoreDumps

// Before anything holds a secret: no core dump of this process, and no same-user debugger, ever
// sees its memory (README, Secrets and files). A failure is not fatal: the secrets are no less
// safe than before.
_ = bcsh_disable_core_dumps()

// The entry point: `bcsh sandbox ...` runs the sandbox server; the common forms of the shell run
// at once; everything else is parsed by ArgumentParser.
let arguments = Array(CommandLine.arguments.dropFirst())
if let route = Bcsh.routes.first(where: { $0.word == arguments.first }) {
  await execute(route.command, Array(arguments.dropFirst()))
} else if let launch = Launch.commonForm(arguments) {
  do {
    try await launch.run()
    Bcsh.exit()
  } catch {
    Bcsh.exit(withError: error)
  }
} else {
  await execute(Bcsh.self, arguments)
}

/// Parses `arguments` for `root` and runs the chosen command, exiting as ArgumentParser would
/// (64 for a bad invocation, the command's own status otherwise).
func execute(_ root: any ParsableCommand.Type, _ arguments: [String]) async -> Never {
  do {
    var command = try root.parseAsRoot(arguments)
    switch command {
    case let bcsh as Bcsh: try await Launch(bcsh).run()
    case let serve as SandboxServe: try await serve.serve()
    case let exec as ExecRoute: try await exec.execute()
    case let doctor as DoctorRoute:
      var launch = Launch()
      launch.command = doctor.shellLine
      launch.json = doctor.json
      launch.noRc = true
      launch.noHistory = true
      try await launch.run()
    default: try command.run()
    }
    root.exit()
  } catch {
    exitWithUsageError(root, error)
  }
}

/// Ends the run for `error` as ArgumentParser would (help and `--version` on stdout, a status
/// chosen with `ExitCode` as it is), except that a bad command line reads as bcsh's other
/// failures do: `bcsh: error: MESSAGE` and a hint, where ArgumentParser writes "Error:" and the
/// usage.
func exitWithUsageError(_ root: any ParsableCommand.Type, _ error: any Error) -> Never {
  let status = root.exitCode(for: error)
  guard status != .success, !(error is ExitCode) else { root.exit(withError: error) }
  var message = root.message(for: error)
  let command =
    root == Bcsh.self
    ? "bcsh"
    : root == ExecRoute.self
      ? "bcsh \(ExecRoute.word)"
      : root == DoctorRoute.self ? "bcsh \(DoctorRoute.word)" : "bcsh \(SandboxCommand.word) serve"
  var hint = "'\(command) --help' lists the options"
  // ArgumentParser's "Unknown option '--nope'. Did you mean '--no-rc'?" as bcsh puts it.
  if let guess = message.firstRange(of: ". Did you mean ") {
    hint = "did you mean " + message[guess.upperBound...] + " (\(hint))"
    message = String(message[..<guess.lowerBound])
  }
  StandardStreams().writeFailure("error: " + message.prefix(1).lowercased() + message.dropFirst(), hint: hint)
  root.exit(withError: ExitCode(status.rawValue))
}
