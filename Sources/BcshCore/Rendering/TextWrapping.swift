/// Text broken into lines at word boundaries, for tables, listings and generated documents.
public enum TextWrapping {
  /// The words of `text` in lines of at most `width` characters (a longer word stands alone).
  public static func lines(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}
