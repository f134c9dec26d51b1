@preconcurrency import Glibc

/// Ending the process by a signal: the one place bcsh does, after the shell has returned and the
/// executable has put right what it owns.
public enum SignalExit {
  /// Ends the process by `signal` as if no handler had caught it, so that the parent sees the real
  /// cause (a shell prints "Terminated", `$?` is 128 + the signal).
  public static func end(by signal: Int32) -> Never {
    Glibc.signal(signal, SIG_DFL)
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, signal)
    sigprocmask(SIG_UNBLOCK, &unblock, nil)
    raise(signal)
    _exit(128 + signal)
  }
}
