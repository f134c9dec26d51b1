import Foundation
@preconcurrency import Glibc

/// A failure of the terminal driver, with what the screen showed.
struct TerminalTestError: Error, CustomStringConvertible {
  var description: String
}

/// The real `bcsh` binary running in a pseudo-terminal, as a person would use it. The test keeps
/// the slave side open too, so it can read the terminal settings before and after bcsh ran.
/// Every wait has a deadline; a session still running at the end is killed.
final class PseudoTerminal {
  private let master: Int32
  private let slave: Int32
  let pid: pid_t
  /// The terminal settings before bcsh started.
  let settingsBefore: termios
  /// Everything bcsh wrote, as bytes.
  private(set) var transcript: [UInt8] = []
  /// Where the next `expect` starts looking.
  private var mark = 0
  private var exitStatus: Int32?

  /// Starts `executable` with `arguments` in `directory`, with exactly `environment`.
  init(
    executable: String, arguments: [String], environment: [String: String], directory: String,
    rows: UInt16 = 30, columns: UInt16 = 100
  ) throws {
    guard FileManager.default.isExecutableFile(atPath: executable) else {
      throw TerminalTestError(description: "\(executable) is missing: run `swift build` before `swift test`")
    }
    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else {
      throw TerminalTestError(description: "openpty failed: \(String(cString: strerror(errno)))")
    }
    var settings = termios()
    tcgetattr(slave, &settings)

    // Everything the child needs is made before fork: after it, only async-signal-safe calls.
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    let folder = strdup(directory)
    defer {
      (argv + envp + [folder]).forEach { free($0) }
    }
    guard let program = argv[0], let folder else {
      throw TerminalTestError(description: "out of memory")
    }
    let pid = fork()
    if pid == 0 {
      close(master)
      _ = login_tty(slave)
      _ = chdir(folder)
      execve(program, argv, envp)
      _exit(127)
    }
    guard pid > 0 else {
      close(master)
      close(slave)
      throw TerminalTestError(description: "fork failed")
    }
    self.master = master
    self.slave = slave
    self.pid = pid
    self.settingsBefore = settings
  }

  deinit {
    if exitStatus == nil {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    close(master)
    close(slave)
  }

  /// Types `text` (control keys included: "\u{03}" is Ctrl-C, "\u{04}" Ctrl-D, "\t" Tab).
  func send(_ text: String) { send(bytes: Array(text.utf8)) }

  /// Types raw bytes, which need not be UTF-8.
  func send(bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }

  /// Waits until the output after the last match holds `text`; returns that output up to and with
  /// the match.
  @discardableResult
  func expect(_ text: String, timeout: Double = 10) throws -> String {
    let needle = Array(text.utf8)
    let deadline = Date().addingTimeInterval(timeout)
    // Only new output is searched each time round, so a large transcript stays cheap.
    var from = mark
    while true {
      if let range = find(needle, from: from) {
        let seen = String(decoding: transcript[mark..<range.upperBound], as: UTF8.self)
        mark = range.upperBound
        return seen
      }
      let remaining = deadline.timeIntervalSinceNow
      guard remaining > 0 else {
        throw TerminalTestError(
          description: "waited \(timeout)s for \(text.debugDescription); the screen since: "
            + String(decoding: transcript[mark...].suffix(2000), as: UTF8.self).debugDescription)
      }
      from = max(mark, transcript.count - needle.count + 1)
      readAvailable(waitingAtMost: remaining)
    }
  }

  /// Waits for a prompt, then until libedit has the terminal in raw mode: a key typed before that
  /// is read by the kernel's line discipline (a Ctrl-D there would be lost), not by libedit.
  @discardableResult
  func expectPrompt(_ prompt: String = "> ", timeout: Double = 10) throws -> String {
    let seen = try expect(prompt, timeout: timeout)
    let deadline = Date().addingTimeInterval(timeout)
    while settingsNow.c_lflag & tcflag_t(ICANON) != 0 {
      guard deadline.timeIntervalSinceNow > 0 else {
        throw TerminalTestError(
          description: "the terminal never left canonical mode after \(prompt.debugDescription)")
      }
      readAvailable(waitingAtMost: 0.01)
    }
    return seen
  }

  /// Ctrl-D at a prompt already waited for (`expectPrompt`); with unsaved changes, once more after
  /// the warning. Returns the exit status.
  func leaveWithCtrlD(unsavedChanges: Bool = false) throws -> Int32 {
    send("\u{04}")
    if unsavedChanges {
      try expect("Ctrl-D again leaves")
      try expectPrompt()
      send("\u{04}")
    }
    return try waitForExit()
  }

  /// Pastes `bytes` a piece at a time, reading bcsh's echo between pieces: written at once, a large
  /// paste would fill both directions of the terminal and each side would wait for the other.
  func paste(_ bytes: [UInt8], piece: Int = 1024, timeout: Double = 60) {
    var offset = 0
    let deadline = Date().addingTimeInterval(timeout)
    while offset < bytes.count && deadline.timeIntervalSinceNow > 0 {
      var descriptor = pollfd(fd: master, events: Int16(POLLIN | POLLOUT), revents: 0)
      guard poll(&descriptor, 1, 1000) > 0 else { continue }
      if descriptor.revents & Int16(POLLIN) != 0 { readAvailable(waitingAtMost: 0) }
      if descriptor.revents & Int16(POLLOUT) != 0 {
        let end = min(offset + piece, bytes.count)
        let written = bytes[offset..<end].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        if written > 0 { offset += written }
      }
    }
  }

  /// Waits until bcsh holds `folder` open, reading what it writes meanwhile. A save opens its folder
  /// to take the lock on it and keeps it open while it waits for another's lock: this is the moment
  /// a save is seen waiting. `timeout` only catches a save that never gets there.
  func waitUntilHolding(_ folder: String, timeout: Double = 10) throws {
    let wanted = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
    let deadline = Date().addingTimeInterval(timeout)
    while deadline.timeIntervalSinceNow > 0 {
      let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
      if open.contains(where: {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)")) == wanted
      }) {
        return
      }
      readAvailable(waitingAtMost: 0.01)
    }
    throw TerminalTestError(
      description: "bcsh never opened \(folder); the screen: " + screen.suffix(2000).debugDescription)
  }

  /// Reads what bcsh writes for `seconds`, without looking for anything.
  func drain(for seconds: Double) {
    let deadline = Date().addingTimeInterval(seconds)
    while deadline.timeIntervalSinceNow > 0 { readAvailable(waitingAtMost: deadline.timeIntervalSinceNow) }
  }

  /// Everything bcsh wrote, as text.
  var screen: String { String(decoding: transcript, as: UTF8.self) }

  /// Waits for bcsh to end; its exit status, or 128 + the signal that ended it.
  func waitForExit(timeout: Double = 10) throws -> Int32 {
    if let exitStatus { return exitStatus }
    let deadline = Date().addingTimeInterval(timeout)
    while deadline.timeIntervalSinceNow > 0 {
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid {
        readAvailable(waitingAtMost: 0.05)
        let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        exitStatus = code
        return code
      }
      readAvailable(waitingAtMost: 0.05)
    }
    throw TerminalTestError(
      description: "bcsh did not exit within \(timeout)s; the screen: " + screen.suffix(2000).debugDescription
    )
  }

  /// The terminal settings now (after bcsh ended, they should equal `settingsBefore`).
  var settingsNow: termios {
    var settings = termios()
    tcgetattr(slave, &settings)
    return settings
  }

  /// Sets the terminal's modes, as another program sharing the terminal may.
  func setSettings(_ settings: termios) {
    var settings = settings
    tcsetattr(slave, TCSANOW, &settings)
  }

  /// Changes the window size, as resizing a terminal window does (bcsh gets SIGWINCH).
  func resize(rows: UInt16, columns: UInt16) {
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
  }

  private func readAvailable(waitingAtMost seconds: Double) {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    let milliseconds = Int32(max(0, min(seconds, 1)) * 1000)
    guard poll(&descriptor, 1, milliseconds) > 0 else { return }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = read(master, &buffer, buffer.count)
    if count > 0 { transcript += buffer[0..<count] }
  }

  private func find(_ needle: [UInt8], from start: Int) -> Range<Int>? {
    guard !needle.isEmpty, transcript.count - start >= needle.count else { return nil }
    for index in start...(transcript.count - needle.count)
    where transcript[index..<(index + needle.count)].elementsEqual(needle) {
      return index..<(index + needle.count)
    }
    return nil
  }
}

/// Whether two sets of terminal settings are the same in every flag and control character.
func sameSettings(_ first: termios, _ second: termios) -> Bool {
  var first = first
  var second = second
  return first.c_iflag == second.c_iflag && first.c_oflag == second.c_oflag
    && first.c_cflag == second.c_cflag && first.c_lflag == second.c_lflag
    && withUnsafeBytes(of: &first.c_cc) { a in withUnsafeBytes(of: &second.c_cc) { b in a.elementsEqual(b) } }
}
