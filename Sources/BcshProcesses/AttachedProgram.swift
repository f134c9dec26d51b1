import BcshModel
import BcshPorts
@preconcurrency import Glibc
import Synchronization

/// The program `runAttached` waits for, 0 when none: a signal handler cannot capture context.
private let attachedChild = Atomic<Int32>(0)
/// A signal that came while the program was starting, before its pid was known.
private let earlySignal = Atomic<Int32>(0)
/// A SIGTERM or SIGHUP passed on: bcsh was asked to end too, and does once the program has.
private let endingSignal = Atomic<Int32>(0)

/// glibc's (2.29 and later) `posix_spawn_file_actions_addchdir_np`, which its module map does not
/// export without `_GNU_SOURCE`: the program starts in the shell's folder, which need not be the
/// process's own.
@_silgen_name("posix_spawn_file_actions_addchdir_np")
private func addChangeOfFolder(
  _ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: UnsafePointer<CChar>
) -> Int32

/// Passes a signal sent to bcsh (by `kill`, not by the terminal: a Ctrl-C reaches the whole
/// foreground process group, the program included, already) on to the program.
private func forwardSignal(
  _ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _: UnsafeMutableRawPointer?
) {
  // SI_USER (kill) and SI_QUEUE are 0 or below; the terminal's are SI_KERNEL.
  if let info, info.pointee.si_code > 0 { return }
  if signal == SIGTERM || signal == SIGHUP { endingSignal.store(signal, ordering: .sequentiallyConsistent) }
  let child = attachedChild.load(ordering: .sequentiallyConsistent)
  guard child > 0 else {
    earlySignal.store(signal, ordering: .sequentiallyConsistent)
    return
  }
  kill(child, signal)
}

extension SpawnedProcesses {
  /// The signals passed on to an attached program.
  static let forwardedSignals = [SIGINT, SIGTERM, SIGHUP]

  public func runAttached(_ arguments: [String], environment: [String], in folder: String) throws(BcshError)
    -> ProgramEnding
  {
    guard let name = arguments.first, !name.isEmpty else {
      throw BcshError("no program to run", code: .usage)
    }
    let path = try ProgramSearch.path(of: name, environment: environment)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // The program starts with every signal at its default and none blocked, whatever bcsh set.
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in Self.forwardedSignals + [SIGPIPE, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU] {
      sigaddset(&defaults, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    posix_spawnattr_setsigmask(&attributes, &unblocked)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    _ = addChangeOfFolder(&actions, folder)
    closeDescriptorsAboveStandardStreams(&actions)

    var argv = arguments.map { strdup($0) }
    defer { argv.forEach { free($0) } }
    argv.append(nil)
    var environ = environment.map { strdup($0) }
    defer { environ.forEach { free($0) } }
    environ.append(nil)

    // The handlers go in before the program starts, so that no signal falls between.
    earlySignal.store(0, ordering: .sequentiallyConsistent)
    endingSignal.store(0, ordering: .sequentiallyConsistent)
    var action = sigaction()
    action.__sigaction_handler.sa_sigaction = forwardSignal
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_SIGINFO | SA_RESTART
    var previous: [(Int32, sigaction)] = []
    var forwarded = sigset_t()
    sigemptyset(&forwarded)
    for signal in Self.forwardedSignals {
      sigaddset(&forwarded, signal)
      var old = sigaction()
      if sigaction(signal, &action, &old) == 0 { previous.append((signal, old)) }
    }
    // This thread takes them while it waits, even where every thread blocks them (bcsh may
    // have been started with them blocked, and its other threads block them).
    var previousMask = sigset_t()
    pthread_sigmask(SIG_UNBLOCK, &forwarded, &previousMask)
    defer {
      attachedChild.store(0, ordering: .relaxed)
      for (signal, old) in previous {
        var old = old
        sigaction(signal, &old, nil)
      }
      // bcsh was asked to end: now that the program has, the signal goes to whatever handled it
      // before (the interactive shell's trap ends the session; a script ends by it, as sh does),
      // raised while this thread still takes it.
      let ending = endingSignal.exchange(0, ordering: .sequentiallyConsistent)
      if ending != 0 { raise(ending) }
      pthread_sigmask(SIG_SETMASK, &previousMask, nil)
    }

    var pid = pid_t()
    let started = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
    guard started == 0 else {
      throw BcshError(
        "cannot run \(ShownWord.quoted(name)): \(String(cString: strerror(started)).lowercased())",
        code: .fileSystem)
    }
    attachedChild.store(pid, ordering: .sequentiallyConsistent)
    // The program may have signalled bcsh before its pid was known.
    let early = earlySignal.exchange(0, ordering: .sequentiallyConsistent)
    if early != 0 { kill(pid, early) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else {
        throw BcshError("lost track of \(ShownWord.quoted(name))", code: .internal)
      }
    }
    // WIFEXITED, WEXITSTATUS and WTERMSIG, which Swift does not import.
    return status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signaled(status & 0x7F)
  }
}

/// Finding a program as a shell does: a name with a `/` is a path; any other is looked up in the
/// `PATH` of the environment the program gets.
public enum ProgramSearch {
  /// The path of the executable file `name` names. Its error says "not found" (a shell's 127) or
  /// "not executable" (126).
  public static func path(of name: String, environment: [String]) throws(BcshError) -> String {
    if name.contains("/") {
      guard access(name, F_OK) == 0 else {
        throw BcshError("no program \(ShownWord.quoted(name))", code: .fileNotFound)
      }
      guard isExecutableFile(name) else {
        throw BcshError("\(ShownWord.quoted(name)) is not an executable file", code: .fileSystem)
      }
      return name
    }
    let searchPath =
      environment.last { $0.hasPrefix("PATH=") }.map { String($0.dropFirst(5)) }
      ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
      let candidate = (folder.isEmpty ? "." : String(folder)) + "/" + name
      if isExecutableFile(candidate) { return candidate }
    }
    throw BcshError(
      "no program \(ShownWord.quoted(name)) in PATH", code: .fileNotFound,
      hint: "give its path, or check PATH")
  }

  /// The status a shell gives a program it cannot run: 127 when not found, 126 otherwise.
  public static func status(for error: BcshError) -> Int32 { error.code == .fileNotFound ? 127 : 126 }

  private static func isExecutableFile(_ path: String) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
    return access(path, X_OK) == 0
  }
}
