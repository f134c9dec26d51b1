/// Rows of text in aligned columns, the way `psql` and `gh` print lists.
public struct Table: Sendable {
  public var headers: [String]
  public var rows: [[String]]

  public init(headers: [String], rows: [[String]] = []) {
    self.headers = headers
    self.rows = rows
  }

  /// Two spaces between columns, no trailing blanks; the header underlined by its style.
  public func rendered(style: TextStyle = .plain) -> String {
    let columnCount = ([headers] + rows).map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columnCount)
    for row in [headers] + rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], TextStyle.width(of: cell)) }
    }
    func line(_ cells: [String], styled: (String) -> String) -> String {
      var text = ""
      for (index, cell) in cells.enumerated() {
        let isLast = index == cells.count - 1
        text += styled(cell)
        if !isLast {
          text += String(repeating: " ", count: widths[index] - TextStyle.width(of: cell) + 2)
        }
      }
      return text
    }
    var lines = [line(headers, styled: style.header)]
    lines += rows.map { line($0, styled: { $0 }) }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// Colour and emphasis for terminal output; `.plain` when colour is off (not a terminal,
/// `NO_COLOR`, `TERM=dumb`, `--color never`).
public struct TextStyle: Sendable {
  public var enabled: Bool

  public static let plain = TextStyle(enabled: false)

  public init(enabled: Bool) { self.enabled = enabled }

  public func header(_ text: String) -> String { wrap(text, "1") }
  public func good(_ text: String) -> String { wrap(text, "32") }
  public func bad(_ text: String) -> String { wrap(text, "31") }
  public func warning(_ text: String) -> String { wrap(text, "33") }
  public func dim(_ text: String) -> String { wrap(text, "2") }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  /// Display width in terminal columns (wide characters count two), not counting escape sequences.
  public static func width(of text: String) -> Int {
    var width = 0
    var inEscape = false
    for scalar in text.unicodeScalars {
      if inEscape {
        if scalar.properties.isAlphabetic { inEscape = false }
      } else if scalar == "\u{1B}" {
        inEscape = true
      } else {
        width += TextWidth.columns(scalar)
      }
    }
    return width
  }
}
