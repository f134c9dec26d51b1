/// Text broken into lines at word boundaries, for tables, listings and generated documents.
public enum TextWrapping {
  /// The words of `text` in lines of at most `width` columns as a terminal shows them (colour
  /// codes take none; a longer word stands alone).
  public static func lines(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for word in text.split(separator: " ") {
      let wordWidth = TextStyle.width(of: String(word))
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
}
