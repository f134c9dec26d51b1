import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
@preconcurrency import CLibEdit
@preconcurrency import Glibc

/// What reading a line produced.
enum LineInput: Equatable {
  /// A line as typed, without its newline.
  case line(String)
  /// Ctrl-D on an empty line.
  case endOfInput
  /// A signal interrupted the read; the line typed so far is dropped.
  case interrupted
  /// The terminal cannot be read any more.
  case failed
}
