import BcshCommandLine
import BcshProcesses
import BcshProgram
import CCoreDumps

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

// bcsh-net: bcsh's network helper (BcshProcesses' NetworkHelper starts it). It holds the HTTP
// stack and the sandbox's server, so that bcsh itself links neither. Not a command for users:
//   bcsh-net --protocol V transport [--ca-bundle PATH]   sends the requests bcsh writes on standard input
//   bcsh-net --protocol V sandbox                        runs the demo sandbox for `bcsh --sandbox`
//   bcsh-net --protocol V route sandbox serve ...        `bcsh sandbox serve ...`, in bcsh's place

// It holds credentials in its requests as bcsh does: no core dump, no same-user debugger.
_ = bcsh_disable_core_dumps()

// bcsh names the protocol it speaks first; a helper of another version (a bcsh that kept running
// while a newer one was installed over it) says so instead of misreading it.
var arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2, arguments[0] == "--protocol", arguments[1] == NetworkHelper.protocolVersion else {
  StandardStreams().writeError(
    arguments.first == "--protocol"
      ? "bcsh-net: this helper belongs to another version of bcsh (it speaks protocol "
        + "\(NetworkHelper.protocolVersion), not \(arguments.dropFirst().first ?? "none")); install bcsh again\n"
      : "bcsh-net: this is bcsh's network helper, started by bcsh itself; run bcsh instead\n")
  exit(arguments.first == "--protocol" ? 3 : 64)
}
arguments.removeFirst(2)
if arguments.first != "route" { NetworkHelper.ignoreTerminalSignals() }
switch arguments.first {
case "transport" where arguments.count == 1:
  exit(await TransportService.run(caBundle: nil))
case "transport" where arguments.count == 3 && arguments[1] == "--ca-bundle":
  exit(await TransportService.run(caBundle: arguments[2]))
case "sandbox" where arguments.count == 1:
  exit(await SandboxService.run())
case "route" where arguments.dropFirst().first == SandboxCommand.word:
  let words = Array(arguments.dropFirst(2))
  do {
    var command = try SandboxCommand.parseAsRoot(words)
    if let serve = command as? SandboxServe {
      try await serve.serve()
    } else {
      try command.run()
    }
    SandboxCommand.exit()
  } catch {
    UsageFailure.exit(SandboxCommand.self, error)
  }
default:
  StandardStreams().writeError(
    "bcsh-net: this is bcsh's network helper, started by bcsh itself; run bcsh instead\n")
  exit(64)
}
