import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
@preconcurrency import CLibEdit
@preconcurrency import Glibc

/// Hidden entry on the terminal (README, "Secrets and files"): echo off, one line read, the terminal settings
/// put back on every path. Ctrl-C cancels with status `.interrupted`; so do SIGTERM and SIGHUP,
/// which are kept for `Termination.take()`, so that the process ends by them once all is put right.
public struct TerminalSecretReader: SecretReading {
  private let input: Int32
  private let output: UnsafeMutablePointer<FILE>

  /// Reads from standard input, which must be a terminal, and prompts on standard error.
  public init() {
    self.input = STDIN_FILENO
    self.output = stderr
  }

  public func readSecret(prompt: String) throws(BcshError) -> String {
    var saved = termios()
    guard tcgetattr(input, &saved) == 0 else {
      throw BcshError("cannot ask for a hidden value: standard input is not a terminal", code: .terminal)
    }
    var hidden = saved
    hidden.c_lflag &= ~tcflag_t(ECHO | ECHONL)
    hidden.c_lflag |= tcflag_t(ICANON | ISIG)

    let outcome: Result<String, BcshError>
    let signal: Int32?
    do {
      let trap = SignalTrap([SIGINT, SIGTERM, SIGHUP])
      trap.clear()
      // Echo goes off before the prompt shows, so that nothing typed after it is ever echoed.
      tcsetattr(input, TCSAFLUSH, &hidden)
      fputs(prompt, output)
      fflush(output)
      (outcome, signal) = trap.interrupting { readLine(trap, hidden: hidden) }
      tcsetattr(input, TCSAFLUSH, &saved)
      fputs("\n", output)
      fflush(output)
    }
    // The trap is gone here: the handlers from before are back.
    if let signal, SignalTrap.ends(signal) { SignalTrap.deferTermination(signal) }
    return try outcome.get()
  }

  /// Reads up to a newline. A signal ends the read: Ctrl-C as a cancellation, another signal is
  /// handed back for the caller to act on once the terminal is restored.
  private func readLine(
    _ trap: borrowing SignalTrap, hidden: termios
  ) -> (Result<String, BcshError>, Int32?) {
    var hidden = hidden
    var bytes: [UInt8] = []
    defer { bytes.withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
    while true {
      switch TerminalInput.readByte(from: input) {
      case .byte(let byte) where byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r"):
        return (.success(String(decoding: bytes, as: UTF8.self)), nil)
      case .byte(let byte):
        bytes.append(byte)
      case .character, .failed:
        return (.failure(BcshError("cannot read the hidden value from the terminal", code: .terminal)), nil)
      case .interrupted where SignalTrap.take(only: SIGCONT):
        // Back from Ctrl-Z: the shell that ran meanwhile may have turned echo on again.
        tcsetattr(input, TCSAFLUSH, &hidden)
      case .interrupted:
        guard let signal = trap.take() else { continue }
        return (.failure(BcshError("cancelled", code: .interrupted, status: .interrupted)), signal)
      case .endOfFile where bytes.isEmpty:
        // Ctrl-D on an empty line, or the terminal went away: nothing was entered.
        return (.failure(BcshError("cancelled", code: .interrupted, status: .interrupted)), nil)
      case .endOfFile:
        return (.success(String(decoding: bytes, as: UTF8.self)), nil)
      }
    }
  }
}
