import ArgumentParser
import BcshCommandLine

/// How bcsh and bcsh-net end a run for an error ArgumentParser raised or a command threw.
public enum UsageFailure {
  /// Ends the run for `error` as ArgumentParser would (help and `--version` on stdout, a status
  /// chosen with `ExitCode` as it is), except that a bad command line reads as bcsh's other
  /// failures do: `bcsh: error: MESSAGE` and a hint, where ArgumentParser writes "Error:" and the
  /// usage.
  public static func exit(_ root: any ParsableCommand.Type, _ error: any Error) -> Never {
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
    StandardStreams().writeFailure(
      "error: " + message.prefix(1).lowercased() + message.dropFirst(), hint: hint)
    root.exit(withError: ExitCode(status.rawValue))
  }
}
