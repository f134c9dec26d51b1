@preconcurrency import Glibc

/// UTF-8's shape, for reading it a byte at a time.
enum UTF8Sequence {
  /// How many bytes a character that starts with `lead` has; 0 when `lead` cannot start one.
  static func length(leadingWith lead: UInt8) -> Int {
    switch lead {
    case 0x00...0x7F: 1
    case 0xC2...0xDF: 2
    case 0xE0...0xEF: 3
    case 0xF0...0xF4: 4
    default: 0
    }
  }
}
