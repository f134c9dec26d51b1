import BcshModel

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// `bcsh-net`, the program that holds bcsh's HTTP stack (AsyncHTTPClient, SwiftNIO, BoringSSL)
/// and the sandbox's server. bcsh starts it on the first request or `--sandbox`, and talks to it
/// over a socket on its standard input and output; a start of bcsh that sends nothing never maps
/// those libraries (BENCHMARKS.md, start-up). It lives next to bcsh in a build folder, and in
/// `PREFIX/libexec/bcsh/` when installed.
public struct NetworkHelper: Sendable {
  /// The helper's file name.
  public static let name = "bcsh-net"

  /// The version of what bcsh and its helper say to each other (``TransportFrame``, the sandbox's
  /// `ok URL` line). bcsh names it when it starts the helper, and a helper of another version (a
  /// bcsh that kept running while a newer one was installed) refuses to start, saying so.
  public static let protocolVersion = "1"

  /// The only variables of bcsh's environment the helper gets: what TLS and the C library read.
  /// Not the rest, which may hold a credential (`token set --env`).
  public static let passedVariables = ["SSL_CERT_FILE", "SSL_CERT_DIR", "TZ", "LANG", "LC_ALL", "LC_CTYPE"]

  /// The helper's path.
  public let path: String

  public init(path: String) { self.path = path }

  /// The helper that belongs to the running bcsh: beside it, else in `../libexec/bcsh/` from its
  /// folder. Throws, saying where it looked, when neither is there.
  public static func installed() throws(BcshError) -> NetworkHelper {
    guard let executable = ownExecutable() else {
      throw BcshError(
        "cannot find \(name): the path of the running bcsh is unknown (/proc/self/exe)", code: .unsupported)
    }
    let folder = Self.folder(of: executable)
    let candidates = [folder + "/" + name, Self.folder(of: folder) + "/libexec/bcsh/" + name]
    for candidate in candidates where access(candidate, X_OK) == 0 {
      return NetworkHelper(path: candidate)
    }
    throw BcshError(
      "bcsh's network helper \(name) is not installed (looked for "
        + candidates.map { "'\($0)'" }.joined(separator: " and ") + ")",
      code: .unsupported,
      hint: "install bcsh with scripts/install, which puts \(name) in PREFIX/libexec/bcsh/")
  }

  /// The folder `path` is in (`/` for `/bcsh`).
  private static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "" }
    return String(path[..<slash])
  }

  private static func ownExecutable() -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Starts the helper with `arguments`, its standard input and output one end of a new socket
  /// pair, its standard error bcsh's, in a process group of its own (a Ctrl-C at the terminal is
  /// bcsh's to pass on, not the helper's), with no other descriptor of bcsh's. The helper ends
  /// when its end of the socket reads end of file: when bcsh closes it or exits.
  public func start(_ arguments: [String]) throws(BcshError) -> HelperProcess {
    let arguments = ["--protocol", Self.protocolVersion] + arguments
    var ends: [Int32] = [-1, -1]
    guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0
    else {
      throw failure("socketpair: " + String(cString: strerror(errno)))
    }
    defer { close(ends[1]) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, ends[1], 0)
    posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
    closeDescriptorsAboveStandardStreams(&actions)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK))
    posix_spawnattr_setpgroup(&attributes, 0)
    // The terminal's signals start blocked: one sent to bcsh's process group while the helper is
    // still in it (between its fork and its own group) stays pending, and the helper discards it
    // by ignoring them before it unblocks them (`NetworkHelper.ignoreTerminalSignals`).
    var terminalSignals = sigset_t()
    sigemptyset(&terminalSignals)
    for signal in Self.terminalSignals { sigaddset(&terminalSignals, signal) }
    posix_spawnattr_setsigmask(&attributes, &terminalSignals)
    var argv = ([path] + arguments).map { strdup($0) }
    defer { argv.forEach { free($0) } }
    argv.append(nil)
    var environment = Self.passedVariables.compactMap { name in
      getenv(name).map { strdup(name + "=" + String(cString: $0)) }
    }
    defer { environment.forEach { free($0) } }
    environment.append(nil)
    var pid = pid_t()
    let status = posix_spawn(&pid, path, &actions, &attributes, argv, environment)
    guard status == 0 else {
      close(ends[0])
      throw failure(String(cString: strerror(status)))
    }
    return HelperProcess(pid: pid, socket: ends[0])
  }

  /// The signals a terminal sends its foreground process group (Ctrl-C, Ctrl-\, Ctrl-Z).
  public static let terminalSignals = [SIGINT, SIGQUIT, SIGTSTP]

  /// Called first by the helper: the terminal's signals are bcsh's to act on (bcsh stops a
  /// request it no longer waits for, and ends the helper by closing its socket). Ignored, then
  /// unblocked: one that came while the helper started is discarded.
  public static func ignoreTerminalSignals() {
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    for signal in terminalSignals {
      Glibc.signal(signal, SIG_IGN)
      sigaddset(&unblocked, signal)
    }
    sigprocmask(SIG_UNBLOCK, &unblocked, nil)
  }

  /// Replaces this process with the helper (`bcsh sandbox serve`): its streams, signals and
  /// status are the user's.
  public func replaceProcess(_ arguments: [String]) -> BcshError {
    var argv = ([path, "--protocol", Self.protocolVersion] + arguments).map { strdup($0) }
    argv.append(nil)
    execv(path, argv)
    let reason = String(cString: strerror(errno))
    argv.forEach { free($0) }
    return failure(reason)
  }

  private func failure(_ reason: String) -> BcshError {
    BcshError("cannot start bcsh's network helper '\(path)': \(reason)", code: .unsupported)
  }
}

/// Whole writes and waiting reads on a stream socket, the two ends of bcsh's socket to its helper.
public enum SocketIO {
  /// Writes all of `bytes` to `socket`; false when the other end is gone. Never raises SIGPIPE.
  public static func sendAll(_ bytes: [UInt8], to socket: Int32) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes {
        send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return false }
      offset += written
    }
    return true
  }

  /// Reads what is there, waiting for at least one byte; an empty array at end of file or error.
  public static func receive(from socket: Int32) -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = recv(socket, &buffer, buffer.count, 0)
      if count < 0 && errno == EINTR { continue }
      return count > 0 ? Array(buffer[..<count]) : []
    }
  }
}
