import ArgumentParser
import BcshCommandLine
import BcshModel
import BcshProcesses
import BcshProgram
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
    case is SandboxServe:
      // The sandbox's server is bcsh-net's: it runs in this process's place, with the same words.
      // Returns only when it could not.
      let failure: BcshError
      do throws(BcshError) {
        failure = try NetworkHelper.installed().replaceProcess(["route"] + CommandLine.arguments.dropFirst())
      } catch {
        failure = error
      }
      StandardStreams().writeFailure(
        "error: cannot start the sandbox: \(failure.message)", hint: failure.hint)
      root.exit(withError: ExitCode(2))
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
    UsageFailure.exit(root, error)
  }
}
