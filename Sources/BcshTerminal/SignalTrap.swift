@preconcurrency import Glibc
import Synchronization

/// The last signal a trap caught, 0 when none. Signals are process-wide, so their record is too:
/// a C signal handler cannot capture context, and a lock-free atomic is safe to store from one.
private let caughtSignal = Atomic<Int32>(0)

/// The thread reading the terminal, 0 when none. The kernel hands a signal to any thread that does
/// not block it (usually the main one, which Swift's async runtime leaves idle, while tasks run on
/// threads that block every signal), and only the reading thread's wait can end, so the handler
/// passes the signal on to it.
private let readingThread = Atomic<UInt>(0)

/// Records a signal, and passes it on to the thread reading the terminal.
private func recordSignal(_ signal: Int32) {
  caughtSignal.store(signal, ordering: .relaxed)
  let reader = readingThread.load(ordering: .relaxed)
  if reader != 0 && pthread_equal(reader, pthread_self()) == 0 { pthread_kill(reader, signal) }
}

/// Catches signals while it lives, without `SA_RESTART`: a terminal read (`TerminalInput`, for
/// libedit and for hidden entry) stops waiting, and the reader asks `take()` which signal it was.
/// Dropping the trap puts the previous handlers back. Traps nest: an inner one restores the outer
/// one's handlers.
struct SignalTrap: ~Copyable {
  private let previous: [(signal: Int32, action: sigaction)]

  init(_ signals: [Int32]) {
    // Touch the record before any handler can run: lazy initialisation is not signal-safe.
    _ = caughtSignal.load(ordering: .relaxed)
    _ = readingThread.load(ordering: .relaxed)
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { signal in recordSignal(signal) }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    var previous: [(signal: Int32, action: sigaction)] = []
    for signal in signals {
      var old = sigaction()
      if sigaction(signal, &action, &old) == 0 { previous.append((signal, old)) }
    }
    self.previous = previous
  }

  /// The signal caught since the last call, if any, clearing the record.
  func take() -> Int32? {
    let signal = caughtSignal.exchange(0, ordering: .relaxed)
    return signal == 0 ? nil : signal
  }

  /// The signals a terminal read waits for.
  static let terminalSignals = [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGCONT, SIGTSTP]

  /// Whether `signal` asks the process to end (rather than to cancel a line, redraw or go on).
  static func ends(_ signal: Int32) -> Bool { signal == SIGTERM || signal == SIGHUP }

  /// Keeps a SIGTERM or SIGHUP for `Termination.take()`, once the terminal is put right.
  static func deferTermination(_ signal: Int32) {
    Termination.keep(signal)
  }

  /// The SIGTERM or SIGHUP that should end the session, if one came: kept by hidden entry, or
  /// caught since the last call. Any other signal caught meanwhile (a Ctrl-C, a SIGCONT) is dropped.
  func takeEnding() -> Int32? {
    guard let signal = Termination.take() ?? take(), Self.ends(signal) else { return nil }
    return signal
  }

  /// Whether a caught SIGTERM or SIGHUP waits to be taken: the running command should stop, and the
  /// session end once it has.
  static var hasPendingEnding: Bool { ends(caughtSignal.load(ordering: .relaxed)) }

  /// Whether a caught signal waits to be taken.
  static var hasPendingSignal: Bool { caughtSignal.load(ordering: .relaxed) != 0 }

  /// Runs a terminal read (`TerminalInput`) on this thread. The kernel may give a signal to any
  /// thread; the handler passes it on to this one. Here the terminal's signals stay blocked except
  /// while `TerminalInput` waits, so none slips in between a check and the wait.
  func interrupting<Result>(_ read: () -> Result) -> Result {
    var terminalSignals = sigset_t()
    sigemptyset(&terminalSignals)
    for signal in Self.terminalSignals { sigaddset(&terminalSignals, signal) }
    var mask = sigset_t()
    pthread_sigmask(SIG_BLOCK, &terminalSignals, &mask)
    readingThread.store(pthread_self(), ordering: .relaxed)
    defer {
      readingThread.store(0, ordering: .relaxed)
      pthread_sigmask(SIG_SETMASK, &mask, nil)
    }
    return read()
  }

  /// Takes the caught signal only if it is `signal` (SIGCONT, which a reader handles and goes on).
  static func take(only signal: Int32) -> Bool {
    caughtSignal.compareExchange(expected: signal, desired: 0, ordering: .relaxed).exchanged
  }

  /// Forgets a signal caught earlier (a Ctrl-C pressed while a command ran).
  func clear() { _ = take() }

  deinit {
    for (signal, action) in previous.reversed() {
      var action = action
      sigaction(signal, &action, nil)
    }
  }
}
