import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

extension Shell {
  /// Writes data to standard output, masking every secret the session holds unless told not to.
  public func write(_ text: String, revealingSecrets: Bool = false) {
    let text = revealingSecrets ? text : masked(text)
    guard holdsOutput else {
      writer.writeOutput(text)
      return
    }
    heldOutput += text
    if heldOutput.utf8.count >= Self.heldOutputLimit { flushOutput() }
  }

  /// Hands the output held so far to the writer.
  func flushOutput() {
    guard !heldOutput.isEmpty else { return }
    writer.writeOutput(heldOutput)
    heldOutput.removeAll(keepingCapacity: true)
  }

  /// Hands on the output held so far, and writes the rest of the running command's output as it
  /// comes: the command is about to wait on something, or to let a program write.
  func writeOutputThrough() {
    holdsOutput = false
    flushOutput()
  }

  /// A short confirmation for people ("added 3 scopes"); nothing under `--json`. A line wider
  /// than the terminal wraps between words.
  public func confirm(_ text: String) {
    guard !format.json else { return }
    let width = format.width
    // A line takes at most a column per UTF-8 byte: one no longer in bytes than the width is
    // written as it is, without splitting or measuring (most confirmations; replay writes many).
    if text.utf8.count <= width ?? .max, !Self.holdsNewline(text) {
      write(text + "\n")
      return
    }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if let width {
      lines = lines.flatMap {
        $0.utf8.count > width && TextWidth.of($0) > width ? TextWrapping.lines($0, width: width) : [$0]
      }
    }
    write(lines.joined(separator: "\n") + "\n")
  }

  /// Whether `text` holds a line break, read through its UTF-8 buffer where it has one.
  private static func holdsNewline(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "\n")) }
      ?? text.utf8.contains(UInt8(ascii: "\n"))
  }

  /// Writes a diagnostic to standard error, masking every secret the session holds.
  public func writeError(_ text: String) {
    // Standard output first: what was written before the diagnostic comes before it.
    flushOutput()
    writer.writeError(masked(text))
  }

  public func report(_ error: BcshError) {
    guard !error.isReported else { return }
    diagnostic("error:", format.style.bad, error.message, at: error.position, hint: error.hint)
    writer.noteReported(error)
  }

  public func warn(_ message: String, at position: SourcePosition? = nil, hint: String? = nil) {
    diagnostic("warning:", format.style.warning, message, at: position, hint: hint)
  }

  /// `file:line:col: label message`, then `hint: ...` on a line of its own, to standard error.
  private func diagnostic(
    _ label: String, _ paint: (String) -> String, _ message: String, at position: SourcePosition?,
    hint: String?
  ) {
    // Messages quote file names, API answers and file contents: no control character of theirs
    // reaches the terminal.
    var text = position.map { "\(ShownWord.escaped($0.description)): " } ?? ""
    text += paint(label) + " \(ShownWord.escaped(message, keepingLines: true))\n"
    if let hint { text += format.style.dim("hint:") + " \(ShownWord.escaped(hint, keepingLines: true))\n" }
    // On a terminal, long lines break between words: the place stays first on its line.
    writeError(TextWrapping.fitted(text, width: format.diagnosticColumns()))
  }
}
