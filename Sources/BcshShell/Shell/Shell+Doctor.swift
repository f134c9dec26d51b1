import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

extension Shell {
  /// `doctor`'s checks, reading through the shell's file port and asking git through its process
  /// port (read-only: git runs with the repository's programs turned off, `GitExposure`).
  func projectDoctor() -> ProjectDoctor {
    ProjectDoctor(
      files: environment.ports.files, git: GitExposure(processes: environment.ports.processes),
      environment: environment.variables, now: environment.ports.now())
  }
}
