import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

extension Shell {
  /// `doctor`'s checks, reading through the shell's file port and asking git through its process
  /// port (read-only: git runs with the repository's programs turned off, `GitExposure`).
  /// The kinds of `session`'s minted tokens tell a private token from a browser-only one.
  func projectDoctor(knowing session: Session) -> ProjectDoctor {
    var doctor = ProjectDoctor(
      files: environment.ports.files, git: GitExposure(processes: environment.ports.processes),
      environment: environment.variables, now: environment.ports.now())
    for token in session.tokens {
      if let record = token.storefront, let secret = token.accessToken?.revealed {
        doctor.mintedKinds[secret] = record.kind
      }
    }
    return doctor
  }
}
