import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// Text broken into lines at word boundaries, for tables, listings and generated documents.
public enum TextWrapping {
  /// The words of `text` in lines of at most `width` columns as a terminal shows them (colour
  /// codes take none; a longer word stands alone).
  public static func lines(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for word in text.split(separator: " ") {
      let wordWidth = TextWidth.of(String(word))
      if !line.isEmpty && lineWidth + 1 + wordWidth > width {
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      lineWidth += (line.isEmpty ? 0 : 1) + wordWidth
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  /// Each line of `text` fitted to `width` (the terminal's): a longer line is broken between words,
  /// its later lines indented under where its text starts: a step line of verify (`  liveness  ok
  /// ...`) keeps its name and verdict columns, any other line hangs under two spaces.
  public static func fitted(_ text: String, width: Int?) -> String {
    guard let width else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      let line = String(line)
      guard TextWidth.of(line) > width else { return line }
      // A step line keeps its name and verdict columns as they are and wraps its detail under
      // itself; any other line keeps its leading blanks and wraps under two spaces.
      let head: String
      let indent: Int
      if let step = line.firstMatch(of: /^  [a-z]*\s+\S+\s+/),
        TextWidth.of(String(step.0)) == stepIndent
      {
        (head, indent) = (String(step.0), stepIndent)
      } else {
        head = String(line.prefix { $0 == " " })
        indent = max(2, head.count)
      }
      let words = TextWrapping.lines(
        String(line.dropFirst(head.count)), width: width - TextWidth.of(head))
      guard let first = words.first else { return line }
      let rest = TextWrapping.lines(words.dropFirst().joined(separator: " "), width: width - indent)
      return ([head + first] + rest.map { String(repeating: " ", count: indent) + $0 }).joined(
        separator: "\n")
    }.joined(separator: "\n")
  }

  /// Where a step's detail starts: two spaces, the name's ten columns, the verdict's nine.
  static let stepIndent = 21
}
