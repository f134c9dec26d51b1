import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// Rows of text in aligned columns, the way `psql` and `gh` print lists.
public struct Table: Sendable {
  public var headers: [String]
  public var rows: [[String]]

  public init(headers: [String], rows: [[String]] = []) {
    self.headers = headers
    self.rows = rows
  }

  /// The narrowest a wrapped last column may be; below it a table with headers is laid out as
  /// one record per row instead (as psql's expanded display does).
  static let narrowestLastColumn = 16

  /// Two spaces between columns, no trailing blanks; the header underlined by its style. With a
  /// `width` (the terminal's), a row too wide has its last column wrapped within that column, or,
  /// when even that does not fit, each row becomes a record of `header: value` lines.
  public func rendered(style: TextStyle = .plain, width: Int? = nil) -> String {
    let columnCount = ([headers] + rows).map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columnCount)
    for row in [headers] + rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], TextWidth.of(cell)) }
    }
    let total = widths.reduce(0, +) + 2 * max(0, columnCount - 1)
    var lastColumnWidth: Int?
    if let width, total > width, columnCount > 1 {
      let start = widths.dropLast().reduce(0, +) + 2 * (columnCount - 1)
      if width - start >= Self.narrowestLastColumn {
        lastColumnWidth = width - start
      } else if !headers.allSatisfy(\.isEmpty) {
        return records(style: style, width: width)
      }
    }
    func line(_ cells: [String], styled: (String) -> String) -> String {
      var text = ""
      for (index, cell) in cells.enumerated() {
        let isLast = index == cells.count - 1
        guard isLast, let lastColumnWidth, TextWidth.of(cell) > lastColumnWidth else {
          text += styled(cell)
          if !isLast {
            text += String(repeating: " ", count: widths[index] - TextWidth.of(cell) + 2)
          }
          continue
        }
        let indent = String(repeating: " ", count: TextWidth.of(text))
        text += TextWrapping.lines(cell, width: lastColumnWidth).map(styled).joined(separator: "\n" + indent)
      }
      return text
    }
    var lines = [line(headers, styled: style.header)]
    lines += rows.map { line($0, styled: { $0 }) }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Each row as its first named cell (after any unnamed ones, such as `token list`'s `*`), then
  /// `header: value` lines for the others, wrapped at `width`.
  private func records(style: TextStyle, width: Int) -> String {
    let named = headers.firstIndex { !$0.isEmpty } ?? 0
    let labels = headers.dropFirst(named + 1).map { $0.lowercased() + ":" }
    let labelWidth = labels.map(\.count).max() ?? 0
    var text = ""
    for row in rows {
      let heading = row.prefix(named + 1).filter { !$0.isEmpty }.joined(separator: " ")
      text += style.header(heading) + "\n"
      for (label, cell) in zip(labels, row.dropFirst(named + 1)) {
        let indent = "  " + String(repeating: " ", count: labelWidth + 1)
        let value = TextWrapping.lines(cell, width: max(Self.narrowestLastColumn, width - indent.count))
        text += "  " + label.padding(to: labelWidth) + " " + value.joined(separator: "\n" + indent) + "\n"
      }
    }
    return text
  }
}
