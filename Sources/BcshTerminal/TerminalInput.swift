@preconcurrency import Glibc

/// Reads the terminal for libedit and for hidden entry, so that a signal always ends the wait:
/// the wait (`pselect`) is the only moment the terminal's signals are unblocked, and a signal caught
/// before it is seen before waiting. (libedit's own read misses a Ctrl-C that lands just before it
/// blocks, or while Tab runs.)
enum TerminalInput {
  /// What one read produced.
  enum Read: Equatable {
    case byte(UInt8)
    case character(Unicode.Scalar)
    /// The terminal reported end of input.
    case endOfFile
    /// A signal that a `SignalTrap` caught is waiting to be taken.
    case interrupted
    /// The read failed with this `errno`.
    case failed(Int32)
  }

  /// One byte from `descriptor`.
  static func readByte(from descriptor: Int32) -> Read {
    var waitMask = sigset_t()
    pthread_sigmask(SIG_SETMASK, nil, &waitMask)
    for signal in SignalTrap.terminalSignals { sigdelset(&waitMask, signal) }
    while true {
      if SignalTrap.hasPendingSignal { return .interrupted }
      var readable = fd_set()
      withUnsafeMutableBytes(of: &readable) { bytes in
        bytes[Int(descriptor) / 8] |= UInt8(1) << (UInt8(descriptor) % 8)
      }
      if pselect(descriptor + 1, &readable, nil, nil, nil, &waitMask) < 0 {
        if errno == EINTR { continue }
        return .failed(errno)
      }
      var byte: UInt8 = 0
      let count = read(descriptor, &byte, 1)
      if count == 1 { return .byte(byte) }
      if count == 0 { return .endOfFile }
      if errno == EINTR || errno == EAGAIN { continue }
      return .failed(errno)
    }
  }

  /// One UTF-8 character from `descriptor`; malformed bytes are skipped.
  static func readCharacter(from descriptor: Int32) -> Read {
    while true {
      let first = readByte(from: descriptor)
      guard case .byte(let lead) = first else { return first }
      let length = UTF8Sequence.length(leadingWith: lead)
      guard length > 0 else { continue }
      var bytes = [lead]
      while bytes.count < length {
        let next = readByte(from: descriptor)
        guard case .byte(let byte) = next else { return next }
        guard byte & 0xC0 == 0x80 else { break }
        bytes.append(byte)
      }
      guard bytes.count == length, let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first,
        scalar != "\u{FFFD}" || bytes == [0xEF, 0xBF, 0xBD]
      else { continue }
      return .character(scalar)
    }
  }
}
