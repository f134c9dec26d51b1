import Synchronization

/// A signal that asked bcsh to end while the terminal code ran. The terminal code never ends the
/// process: it restores the terminal, cancels what it was doing and leaves the signal here; the
/// executable ends by it once the history, the sandbox and the output are put right too.
public enum Termination {
  /// A SIGTERM or SIGHUP that arrived while a command read the terminal (hidden entry), kept for
  /// whoever ends the process: the reader puts the terminal right and cancels its command instead.
  private static let deferred = Atomic<Int32>(0)

  /// Keeps `signal` for `take()`.
  static func keep(_ signal: Int32) { deferred.store(signal, ordering: .relaxed) }

  /// The SIGTERM or SIGHUP caught since the last call, if any, clearing it.
  public static func take() -> Int32? {
    let signal = deferred.exchange(0, ordering: .relaxed)
    return signal == 0 ? nil : signal
  }
}
