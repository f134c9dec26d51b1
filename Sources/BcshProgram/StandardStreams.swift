import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
@preconcurrency import Glibc

/// Standard output and standard error, flushed after every write so that they interleave in order.
public final class StandardStreams: OutputWriting {
  /// The first failed write to standard output (a full disk, a closed pipe), as `strerror` says it:
  /// the run then ends with status 2 instead of claiming success for output nobody got.
  public private(set) var outputFailure: String?

  public init() {}

  public func writeOutput(_ text: String) {
    guard outputFailure == nil else { return }
    if !Self.write(text, to: stdout) {
      outputFailure = String(cString: strerror(errno)).lowercased()
    }
  }

  public func writeError(_ text: String) {
    _ = Self.write(text, to: stderr)
  }

  /// A failure of bcsh itself, before or outside the shell's diagnostics: `bcsh: MESSAGE`, then
  /// `hint: ...` on a line of its own.
  public func writeFailure(_ message: String, hint: String?) {
    writeError("bcsh: \(message)\n" + (hint.map { "hint: \($0)\n" } ?? ""))
  }

  /// Writes every byte (`fputs` would stop at a NUL) and flushes; false when either fails.
  private static func write(_ text: String, to stream: UnsafeMutablePointer<FILE>) -> Bool {
    var text = text
    let written = text.withUTF8 { bytes in
      bytes.isEmpty ? 0 : fwrite(bytes.baseAddress!, 1, bytes.count, stream)
    }
    let flushed = fflush(stream) == 0
    return written == text.utf8.count && flushed
  }

  public static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
  public static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// `standardOutputIsTerminal`, asked once: bcsh never moves its standard output, and the width
  /// is asked for every confirmation (a system call each when asked anew).
  private static let outputIsTerminal = isatty(STDOUT_FILENO) == 1

  /// The width output is wrapped at: the terminal's columns (asked each time, as the window may
  /// have been resized), or 80 when standard output is not a terminal.
  /// The width errors and warnings are wrapped at: the terminal's columns when standard error is
  /// one, else nil (each diagnostic stays on its line for logs and editors).
  public static var standardErrorColumns: Int? {
    var size = winsize()
    guard isatty(STDERR_FILENO) == 1, ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0
    else { return nil }
    return Int(size.ws_col)
  }

  public static var standardOutputColumns: Int {
    var size = winsize()
    guard outputIsTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0
    else {
      return 80
    }
    return Int(size.ws_col)
  }

  /// The most bcsh reads from standard input, like `--file`'s limit: `bcsh < /dev/zero` must end.
  public static let inputLimit = 16 << 20

  /// All of standard input as text (a script piped in, or `token set FIELD --stdin`), or an error
  /// past ``inputLimit``.
  public static func readAllStandardInput() throws(BcshError) -> String {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = read(STDIN_FILENO, &buffer, buffer.count)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      bytes += buffer[0..<count]
      guard bytes.count <= inputLimit else {
        throw BcshError(
          "standard input is too large (over 16 MiB)", code: .fileSystem,
          hint: "bcsh reads at most 16 MiB from it")
      }
    }
    return AtomicFile.withoutByteOrderMark(String(decoding: bytes, as: UTF8.self))
  }

  /// The process environment, read from `environ` (Foundation's ProcessInfo costs a tenth of
  /// start-up to build the same dictionary).
  public static func environment() -> [String: String] {
    var variables: [String: String] = [:]
    var entry = environ
    while let pointer = entry.pointee {
      let text = String(cString: pointer)
      if let equals = text.firstIndex(of: "="), variables[String(text[..<equals])] == nil {
        variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      entry += 1
    }
    return variables
  }

  public static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
