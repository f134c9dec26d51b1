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
    default: try command.run()
    }
    root.exit()
  } catch {
    root.exit(withError: error)
  }
}
