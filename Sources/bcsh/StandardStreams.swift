import BcshCore
@preconcurrency import Glibc

/// Standard output and standard error, flushed after every write so that they interleave in order.
final class StandardStreams: OutputWriting {
  func writeOutput(_ text: String) {
    fputs(text, stdout)
    fflush(stdout)
  }

  func writeError(_ text: String) {
    fputs(text, stderr)
    fflush(stderr)
  }

  static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
  static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// All of standard input as text (a script piped in, or `token set FIELD --stdin`).
  static func readAllStandardInput() -> String {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = read(STDIN_FILENO, &buffer, buffer.count)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The process environment, read from `environ` (Foundation's ProcessInfo costs a tenth of
  /// start-up to build the same dictionary).
  static func environment() -> [String: String] {
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

  static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
