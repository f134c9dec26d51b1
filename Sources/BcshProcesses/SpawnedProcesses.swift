import BcshModel
import BcshPorts
@preconcurrency import Glibc

/// Programs run with `posix_spawn`, their standard streams on `/dev/null`.
public struct SpawnedProcesses: ProcessRunning {
  public init() {}

  public func exitStatus(of arguments: [String], environment: [String]) -> Int32? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    closeDescriptorsAboveStandardStreams(&actions)
    var argv = arguments.map { strdup($0) }
    defer { argv.forEach { free($0) } }
    argv.append(nil)
    var pid = pid_t()
    var environment = environment.map { strdup($0) }
    defer { environment.forEach { free($0) } }
    environment.append(nil)
    guard posix_spawn(&pid, arguments[0], &actions, nil, argv, environment) == 0 else { return nil }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { return nil }
    }
    // WIFEXITED and WEXITSTATUS, which Swift does not import.
    return status & 0x7F == 0 ? (status >> 8) & 0xFF : nil
  }
}
