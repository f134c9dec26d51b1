import BcshModel
import Synchronization

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// A started helper: its process and bcsh's end of the socket to it. The one owner of that
/// descriptor: it is closed when the last holder lets go, never while a write, a read or a
/// shutdown may still use its number (which the system would give to the next file opened).
public final class HelperProcess: Sendable {
  public let pid: pid_t
  private let socket: Int32
  /// Whether bcsh has said it writes no more; writes and that shutdown happen under this lock,
  /// a frame at a time.
  private let writing = Mutex(false)
  /// The exit status, once reaped.
  private let status = Mutex<Int32?>(nil)

  init(pid: pid_t, socket: Int32) {
    self.pid = pid
    self.socket = socket
  }

  deinit { close(socket) }

  /// Writes all of `bytes` as one piece (no other write comes between); false when the helper is
  /// gone or bcsh has finished writing. Never raises SIGPIPE.
  public func write(_ bytes: [UInt8]) -> Bool {
    writing.withLock { finished in !finished && SocketIO.sendAll(bytes, to: socket) }
  }

  /// Reads what is there, waiting for at least one byte; an empty array at end of file or error.
  public func read() -> [UInt8] { SocketIO.receive(from: socket) }

  /// Like `read()`, giving up after `timeout`: nil when nothing came by then.
  public func read(within timeout: Duration) -> [UInt8]? {
    var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
    let deadline = ContinuousClock.now + timeout
    while true {
      let left = ContinuousClock.now.duration(to: deadline)
      guard left > .zero else { return nil }
      // Rounded up: a wait of 0 would return at once.
      let milliseconds = Int32(clamping: left.wholeNanoseconds / 1_000_000 + 1)
      let ready = poll(&descriptor, 1, milliseconds)
      if ready < 0 && errno == EINTR { continue }
      if ready == 0 { continue }
      return read()
    }
  }

  /// Tells the helper that nothing more comes: it finishes and exits. Later writes do nothing.
  public func finishWriting() {
    writing.withLock { finished in
      if !finished { _ = Glibc.shutdown(socket, Int32(SHUT_WR)) }
      finished = true
    }
  }

  /// Waits for the helper to exit and returns its exit status (128 + N for signal N). Reaps it
  /// once; later calls return the same status.
  @discardableResult
  public func wait() -> Int32 {
    status.withLock { reaped in
      if let reaped { return reaped }
      var raw: Int32 = 0
      while waitpid(pid, &raw, 0) < 0 {
        guard errno == EINTR else { break }
      }
      let ended = raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + raw & 0x7F
      reaped = ended
      return ended
    }
  }

  /// Ends the helper: finishes writing, gives it `grace` to see that and exit (its socket then
  /// reads end of file), kills it when it has not (stopped, or wedged), and reaps it.
  @discardableResult
  public func end(grace: Duration) -> Int32 {
    finishWriting()
    let deadline = ContinuousClock.now + grace
    var exited = false
    while !exited, let bytes = read(within: ContinuousClock.now.duration(to: deadline)) {
      exited = bytes.isEmpty
    }
    if !exited { kill(pid, SIGKILL) }
    return wait()
  }
}
