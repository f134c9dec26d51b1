import Foundation

/// The scope statements BigCommerce's reference writes in Markdown: tables headed
/// `| UI Name | Permission | Parameter |`, and the sentences operations use to name their own.
enum MarkdownScopes {
  /// The rows of every scope table in `text`, with the line (from 0) each row is on. Other
  /// tables ("Required Fields", headers) are not scope tables and are skipped.
  static func tables(in text: String) -> [(entry: ScopeEntry, line: Int)] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var rows: [(ScopeEntry, Int)] = []
    var inScopeTable = false
    for (number, line) in lines.enumerated() {
      let cells = Self.cells(of: line)
      guard let cells else {
        inScopeTable = false
        continue
      }
      let lowered = cells.map { $0.lowercased() }
      if lowered.count >= 3, lowered[0] == "ui name", lowered[1] == "permission", lowered[2] == "parameter" {
        inScopeTable = true
        continue
      }
      guard inScopeTable, cells.count >= 3 else { continue }
      if cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { continue }
      rows.append(
        (ScopeEntry(uiName: cells[0], permission: cells[1], tokenString: unquoted(cells[2])), number))
    }
    return rows
  }

  /// The cells of a Markdown table row, trimmed; nil when the line is not one.
  static func cells(of line: String) -> [String]? {
    let trimmed = line.trimmingBlanks()
    guard trimmed.hasPrefix("|"), trimmed.hasSuffix("|"), trimmed.count > 1 else { return nil }
    return trimmed.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false).map {
      String($0).trimmingBlanks()
    }
  }

  /// `store_cart` from "`store_cart`".
  static func unquoted(_ text: String) -> String {
    text.filter { $0 != "`" }.trimmingBlanks()
  }

  /// The backticked words of the bullet lines that follow the first line of `text` containing
  /// `marker` (case-insensitive), up to the first line that is not a bullet.
  static func bulletsAfter(_ marker: String, in text: String) -> (items: [[String]], line: Int)? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(where: { $0.lowercased().contains(marker.lowercased()) }) else {
      return nil
    }
    var items: [[String]] = []
    for line in lines[(start + 1)...] {
      let trimmed = line.trimmingBlanks()
      if trimmed.isEmpty && items.isEmpty { continue }
      guard trimmed.hasPrefix("* ") || trimmed.hasPrefix("- ") else { break }
      items.append(backticked(trimmed))
    }
    return items.isEmpty ? nil : (items, start)
  }

  /// The words between backticks, in order.
  static func backticked(_ text: String) -> [String] {
    text.split(separator: "`", omittingEmptySubsequences: false).enumerated().compactMap { index, part in
      index % 2 == 1 ? String(part) : nil
    }
  }

  /// The words between `**`, in order.
  static func bold(_ text: String) -> [String] {
    text.components(separatedBy: "**").enumerated().compactMap { index, part in
      index % 2 == 1 ? part : nil
    }
  }

  /// The link targets of `[text](target)` in `text`.
  static func linkTargets(_ text: String) -> [String] {
    var targets: [String] = []
    var rest = Substring(text)
    while let open = rest.range(of: "](") {
      let after = rest[open.upperBound...]
      guard let close = after.firstIndex(of: ")") else { break }
      targets.append(String(after[..<close]))
      rest = after[close...]
    }
    return targets
  }

  /// The texts of `[text](target)` links in `text`.
  static func linkTexts(_ text: String) -> [String] {
    var texts: [String] = []
    var rest = Substring(text)
    while let middle = rest.range(of: "](") {
      if let open = rest[..<middle.lowerBound].lastIndex(of: "[") {
        texts.append(String(rest[rest.index(after: open)..<middle.lowerBound]))
      }
      rest = rest[middle.upperBound...]
    }
    return texts
  }

  /// "Information & Settings" for "Information and Settings": how the docs' prose and tables
  /// spell one name.
  static func sameName(_ a: String, _ b: String) -> Bool {
    func key(_ s: String) -> String {
      s.lowercased().replacingOccurrences(of: " and ", with: " & ").split(separator: " ").joined(
        separator: " ")
    }
    return key(a) == key(b)
  }
}

extension String {
  func trimmingBlanks() -> String {
    var text = Substring(self)
    while let first = text.first, first == " " || first == "\t" || first == "\r" { text = text.dropFirst() }
    while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
    return String(text)
  }
}
