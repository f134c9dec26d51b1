import BcshCore

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
    if candidates.contains(where: { $0.detail != nil }) {
      return detailed(candidates, width: width, displayWidth: displayWidth)
    }
    return columns(candidates.map(\.display), width: width, displayWidth: displayWidth)
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
