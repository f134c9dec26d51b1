import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify

/// How Tab lists several candidates below the line: bare words in columns, filled down then across
/// as `ls` does; candidates with a detail one per line, the details aligned.
public enum CandidateListing {
  /// The lines to print for `candidates` on a terminal `width` columns wide, without newlines.
  public static func lines(
    for candidates: [CompletionCandidate], width: Int,
    displayWidth: (String) -> Int = TextWidth.of
  ) -> [String] {
    guard !candidates.isEmpty else { return [] }
    let width = max(width, 1)
    // A file name may hold escape sequences: printed raw, they would drive the terminal.
    let candidates = candidates.map { candidate in
      var shown = candidate
      shown.display = printable(candidate.display)
      shown.detail = candidate.detail.map(printable)
      return shown
    }
    if candidates.contains(where: { $0.detail != nil }) {
      return detailed(candidates, width: width, displayWidth: displayWidth)
    }
    return columns(candidates.map(\.display), width: width, displayWidth: displayWidth)
  }

  /// `text` with each control character (C0, DEL, C1) shown as `?`, as `ls` shows them.
  static func printable(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { result.append(isControl(scalar) ? "?" : scalar) }
    return String(result)
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// Words in columns two spaces apart, as many columns as fit.
  static func columns(_ words: [String], width: Int, displayWidth: (String) -> Int) -> [String] {
    let widths = words.map(displayWidth)
    let cell = (widths.max() ?? 0) + 2
    let columnCount = max(1, min(words.count, (width + 2) / cell))
    let rowCount = (words.count + columnCount - 1) / columnCount
    return (0..<rowCount).map { row in
      var line = ""
      for index in stride(from: row, to: words.count, by: rowCount) {
        let isLast = index + rowCount >= words.count
        line += words[index]
        if !isLast { line += String(repeating: " ", count: cell - widths[index]) }
      }
      return line
    }
  }

  /// One candidate a line: the name, padded to the longest (within half the width), then its detail,
  /// the whole cut to the width.
  static func detailed(
    _ candidates: [CompletionCandidate], width: Int, displayWidth: (String) -> Int
  ) -> [String] {
    let nameWidth = min(candidates.map { displayWidth($0.display) }.max() ?? 0, width / 2)
    return candidates.map { candidate in
      var line = candidate.display
      if let detail = candidate.detail, !detail.isEmpty {
        let padding = max(nameWidth - displayWidth(candidate.display), 0)
        line += String(repeating: " ", count: padding) + "  " + detail
      }
      return truncated(line, to: width, displayWidth: displayWidth)
    }
  }

  /// The text cut so that it fits in `width` columns, ending in `…` when cut.
  static func truncated(_ text: String, to width: Int, displayWidth: (String) -> Int) -> String {
    guard displayWidth(text) > width else { return text }
    var result = ""
    var used = 0
    for character in text {
      let next = displayWidth(String(character))
      if used + next > width - 1 { break }
      result.append(character)
      used += next
    }
    return result + "…"
  }
}
