import Foundation
import Yams

/// One OpenAPI file of the reference and the rules that read its scopes (each with a fixture in
/// Tests/ReferenceExtractionTests/Fixtures):
/// - the file-level scope table, in a security scheme's or the info description, backticks or not;
/// - only tables headed `UI Name | Permission | Parameter` are scope tables;
/// - an operation's own words replace the file table for it: its own scope table, "at least one of
///   the following scopes", "Required Scopes", "Requires read/write permissions on the X scope",
///   "The `modify` X OAuth scope is a requirement";
/// - a file-level note that names a tag's endpoints ("Analytics endpoints require the Content
///   (`...`) OAuth scope") or one endpoint by its summary replaces the table for those;
/// - "None required" is the implicit default scope (webhooks);
/// - a placeholder table ("Add scopes ++++") is unreliable: api-accounts.mdx's rows for the API
///   the file's description links to stand in, and the note says so.
struct SpecFile {
  let path: String
  let text: String
  let apiAccounts: String?
  private let lines: [Substring]

  init(path: String, text: String, apiAccounts: String?) {
    self.path = path
    self.text = text
    self.apiAccounts = apiAccounts
    lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  }

  private var name: String { (path as NSString).lastPathComponent }
  private static let methods = ["get", "post", "put", "delete", "patch"]

  func rows() throws -> [ReferenceRow] {
    guard let document = try Yams.compose(yaml: text), let version = storeAPIVersion(document) else {
      return []
    }
    let file = fileLevelStatement(document)
    var rows: [ReferenceRow] = []
    for (pathKey, pathNode) in document["paths"]?.mapping ?? [:] {
      guard let template = pathKey.string else { continue }
      for (methodKey, operation) in pathNode.mapping ?? [:] {
        guard let method = methodKey.string?.lowercased(), Self.methods.contains(method) else { continue }
        var row = ReferenceRow(
          method: method.uppercased(), path: "/" + version + template, scopes: file.entries, specFile: path,
          note: file.note)
        if let own = operationStatement(operation, file: file.table) {
          (row.scopes, row.note) = own
          // A file-level note that names this operation by its title and says the same.
          if let summary = operation["summary"]?.string, let line = file.linksByTitle[summary] {
            row.note += "; the file-level note at \(name):\(line) agrees"
          }
        } else if let named = file.namedOperations.first(where: { $0.matches(operation) }) {
          (row.scopes, row.note) = (named.entries, named.note)
        }
        if let security = operation["security"], security.sequence?.isEmpty == true, !row.note.isEmpty,
          row.note.hasPrefix("operation description")
        {
          row.note +=
            "; the operation also sets security: [] (\(name):\(security.mark?.line ?? 0)), which contradicts its "
            + "scope statement"
        }
        rows.append(row)
      }
    }
    return withDocumentedReadLevels(withoutScopesOnlyOwnTablesNeed(rows, file: file), file: file)
  }

  /// Where the file's table names a scope only at modify while api-accounts.mdx documents its
  /// read-only level too (themes.v3.yml names Themes modify; api-accounts.mdx: Themes read-only
  /// "View themes"), reads take the documented level, and the note keeps the disagreement visible.
  private func withDocumentedReadLevels(_ rows: [ReferenceRow], file: FileStatement) -> [ReferenceRow] {
    guard let accounts = apiAccounts else { return rows }
    let accountLines = accounts.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var additions: [(entry: ScopeEntry, line: Int, description: String)] = []
    for name in Set(file.entries.map { $0.uiName.trimmingBlanks() }) {
      let levels = file.entries.filter { $0.uiName.trimmingBlanks() == name }.map {
        $0.permission.trimmingBlanks()
      }
      guard levels == ["modify"] else { continue }
      for (index, line) in accountLines.enumerated() {
        guard let cells = MarkdownScopes.cells(of: line), cells.count >= 4,
          MarkdownScopes.sameName(cells[0], name), cells[1] == "read-only"
        else { continue }
        additions.append(
          (
            ScopeEntry(
              uiName: cells[0], permission: cells[1], tokenString: MarkdownScopes.unquoted(cells[2])),
            index + 1,
            cells[3]
          ))
      }
    }
    guard !additions.isEmpty else { return rows }
    return rows.map { row in
      guard row.method == "GET", row.note.isEmpty, row.scopes == file.entries else { return row }
      var row = row
      row.scopes += additions.map(\.entry)
      row.note = additions.map {
        "\(name)'s table names \($0.entry.uiName) only at modify; docs/start/authentication/api-accounts.mdx:\($0.line) "
          + "documents \($0.entry.uiName) read-only (\"\($0.description)\"): reads take the documented level"
      }.joined(separator: "; ")
      return row
    }
  }

  /// A file table that lists a scope which only the operations with their own scope tables need
  /// (carts.v3.yml lists Information & Settings for its settings endpoints, each of which states
  /// it again) does not make the other operations need it: they keep the rest of the table.
  private func withoutScopesOnlyOwnTablesNeed(_ rows: [ReferenceRow], file: FileStatement) -> [ReferenceRow] {
    let own = rows.filter { $0.note.hasPrefix("operation description: scope table") }
    let ownNames = Set(own.flatMap { $0.scopes.map(\.uiName) }.map { $0.lowercased().trimmingBlanks() })
    let fileNames = Set(file.entries.map { $0.uiName.lowercased().trimmingBlanks() })
    let onlyOwn = ownNames.intersection(fileNames)
    guard !onlyOwn.isEmpty, !fileNames.subtracting(onlyOwn).isEmpty, let ownRow = own.first else {
      return rows
    }
    let place = ownRow.note.components(separatedBy: "(").last.map { "(" + $0 } ?? ""
    return rows.map { row in
      guard row.note.isEmpty, row.scopes == file.entries else { return row }
      var row = row
      let dropped = row.scopes.filter { onlyOwn.contains($0.uiName.lowercased().trimmingBlanks()) }
      row.scopes.removeAll { onlyOwn.contains($0.uiName.lowercased().trimmingBlanks()) }
      let names = Array(Set(dropped.map { $0.uiName.trimmingBlanks() })).sorted().joined(separator: ", ")
      row.note =
        "file-level table less \(names), which only the operations with their own scope table name, as "
        + "\(ownRow.method) \(ownRow.path) does \(place)"
      return row
    }
  }

  /// "v3" or "v2" when a server of the file is the store API, else nil (storefront, app callbacks,
  /// the payments host).
  private func storeAPIVersion(_ document: Node) -> String? {
    for server in document["servers"]?.sequence ?? [] {
      guard let url = server["url"]?.string else { continue }
      for version in ["v3", "v2"] where url == "https://api.bigcommerce.com/stores/{store_hash}/\(version)" {
        return version
      }
    }
    return nil
  }

  // MARK: File level

  struct FileStatement {
    var entries: [ScopeEntry] = []
    /// The file's own scope table as written, for operations that pick rows of it.
    var table: [ScopeEntry] = []
    var note = ""
    var namedOperations: [NamedOperations] = []
    /// The line of a file-level note that links to an operation by its title, by that title.
    var linksByTitle: [String: Int] = [:]
  }

  /// Operations a file-level note names, by tag or by summary, and the scopes it gives them.
  struct NamedOperations {
    var tag: String?
    var summary: String?
    var entries: [ScopeEntry]
    var note: String

    func matches(_ operation: Node) -> Bool {
      if let tag {
        return (operation["tags"]?.sequence ?? []).contains {
          $0.string.map { MarkdownScopes.sameName($0, tag) } ?? false
        }
      }
      if let summary, let own = operation["summary"]?.string {
        return Self.words(own) == Self.words(summary)
      }
      return false
    }

    /// A title's words without articles: "Create a Payment Access Token" is "create payment access token".
    static func words(_ text: String) -> [String] {
      text.lowercased().split(separator: " ").map(String.init).filter { !["a", "an", "the"].contains($0) }
    }
  }

  /// The descriptions where a file states its scopes: each security scheme's, then the info
  /// description.
  private func fileDescriptions(_ document: Node) -> [(label: String, node: Node)] {
    var found: [(String, Node)] = []
    for (_, scheme) in document["components"]?["securitySchemes"]?.mapping ?? [:] {
      if let description = scheme["description"] { found.append(("security scheme", description)) }
    }
    if let description = document["info"]?["description"] { found.append(("info description", description)) }
    return found
  }

  private func fileLevelStatement(_ document: Node) -> FileStatement {
    var statement = FileStatement()
    var tableLines: [Int] = []
    var placeholderLines: [(Int, String)] = []
    for (_, node) in fileDescriptions(document) {
      guard let text = node.string else { continue }
      for (entry, line) in MarkdownScopes.tables(in: text) {
        let fileLine = firstLine(of: node) + line
        if entry.uiName.contains("++++") || entry.tokenString == "..." || entry.tokenString.isEmpty {
          placeholderLines.append((fileLine, lineText(fileLine)))
        }
        statement.table.append(entry)
        tableLines.append(fileLine)
      }
    }
    statement.entries = statement.table
    for (label, node) in fileDescriptions(document) {
      guard let text = node.string else { continue }
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      for (index, line) in lines.enumerated() {
        let fileLine = firstLine(of: node) + index
        if statement.table.isEmpty, line.lowercased().contains("none required") {
          statement.entries = [.implicitDefault]
          statement.note =
            "file says \"None required\" (the default scope every API account has), \(name):\(fileLine)"
        }
        if let named = tagNote(line, label: label, at: fileLine) { statement.namedOperations.append(named) }
        if label == "security scheme", line.contains("OAuth scope") || line.contains("permission") {
          for title in MarkdownScopes.linkTexts(line) { statement.linksByTitle[title] = fileLine }
        }
        if label == "info description", let named = summaryNote(line, table: statement.table, at: fileLine) {
          statement.namedOperations.append(named)
        }
        if !statement.table.isEmpty, line.lowercased().contains("has no required scopes"),
          let first = tableLines.first
        {
          statement.note =
            "file-level table (\(name):\(first)), although the \(label) (\(name):\(fileLine)) says the API \"has no "
            + "required scopes\" (REST Storefront wording; this file's server is the store API)"
        }
      }
    }
    if !placeholderLines.isEmpty, let first = tableLines.first, let last = tableLines.last {
      let quoted = tableLines.map { lineText($0).trimmingBlanks() }.joined(separator: " / ")
      let place = "\(name):\(first)-\(last)"
      if let fallback = apiAccountsRows(linkedFrom: document) {
        statement.entries = fallback.entries
        statement.note =
          "placeholder table in spec: unreliable (\(place): \(quoted)); scopes from "
          + "docs/start/authentication/api-accounts.mdx:\(fallback.lines), the rows for \(fallback.api)"
      } else {
        statement.note = "placeholder table in spec: unreliable (\(place): \(quoted))"
      }
    }
    return statement
  }

  /// "Analytics endpoints require the Content (`store_v2_content` and `store_v2_content_read_only`)
  /// OAuth scope": the tag's operations need those tokens.
  private func tagNote(_ line: String, label: String, at fileLine: Int) -> NamedOperations? {
    guard let range = line.range(of: " endpoints require the ") else { return nil }
    let before = line[..<range.lowerBound].split(separator: " ").last.map(String.init) ?? ""
    let after = line[range.upperBound...]
    guard let open = after.firstIndex(of: "(") else { return nil }
    let uiName = String(after[..<open]).trimmingBlanks()
    let tokens = MarkdownScopes.backticked(String(after[open...]))
    guard !before.isEmpty, !tokens.isEmpty else { return nil }
    let entries = tokens.map { token in
      ScopeEntry(
        uiName: uiName, permission: token.hasSuffix("_read_only") ? "read-only" : "modify", tokenString: token
      )
    }.sorted { $0.permission == "modify" && $1.permission != "modify" }
    var quote = line.trimmingBlanks().replacingOccurrences(of: "NOTE:", with: "").trimmingBlanks()
    if quote.hasSuffix(".") { quote.removeLast() }
    return NamedOperations(
      tag: before, summary: nil, entries: entries,
      note:
        "file-level note (\(label == "security scheme" ? "security scheme X-Auth-Token" : label)) on the \(before) "
        + "endpoints: \"\(quote)\" (\(name):\(fileLine))")
  }

  /// "submit the order number to the [Create a Payment Access Token](...) endpoint. Authenticate
  /// using ... with the [Create payments](...) scope": that operation needs that row of the table.
  private func summaryNote(_ line: String, table: [ScopeEntry], at fileLine: Int) -> NamedOperations? {
    guard
      let endpoint = line.range(
        of: "](", options: .backwards,
        range: line.startIndex..<(line.range(of: ") endpoint")?.lowerBound ?? line.startIndex)),
      let scope = line.range(of: ") scope")
    else { return nil }
    let summaryStart = line[..<endpoint.lowerBound].lastIndex(of: "[").map { line.index(after: $0) }
    let scopeText = line[..<scope.lowerBound]
    guard let summaryStart, let scopeLink = scopeText.range(of: "](", options: .backwards),
      let scopeOpen = scopeText[..<scopeLink.lowerBound].lastIndex(of: "[")
    else { return nil }
    let summary = String(line[summaryStart..<endpoint.lowerBound])
    let scopeName = String(scopeText[scopeText.index(after: scopeOpen)..<scopeLink.lowerBound])
    let entries = table.filter { MarkdownScopes.sameName($0.uiName, scopeName) }
    guard !entries.isEmpty else { return nil }
    return NamedOperations(
      tag: nil, summary: summary, entries: entries,
      note: "file-level note (info description) naming this endpoint (\"\(summary)\") and its scope "
        + "(\"\(scopeName)\") (\(name):\(fileLine))")
  }

  // MARK: Operation level

  /// What an operation's own description says it needs, with the note that says where.
  private func operationStatement(_ operation: Node, file table: [ScopeEntry]) -> ([ScopeEntry], String)? {
    guard let node = operation["description"], let text = node.string else { return nil }
    let start = firstLine(of: node)
    let own = MarkdownScopes.tables(in: text)
    if !own.isEmpty {
      let lines = own.map { start + $0.line }
      let place = lines.count == 1 ? "\(lines[0])" : "\(lines.first!)-\(lines.last!)"
      return (own.map(\.entry), "operation description: scope table (\(name):\(place))")
    }
    if let (items, line) = MarkdownScopes.bulletsAfter("at least one of the following scopes", in: text) {
      let tokens = items.compactMap(\.first)
      let entries = tokens.map { token in
        table.first { $0.tokenString == token } ?? ScopeEntry(uiName: "", permission: "", tokenString: token)
      }
      return (
        entries,
        "operation description: \"Requires at least one of the following scopes\" (\(name):\(start + line)-\(start + line + items.count))"
      )
    }
    if let (items, line) = MarkdownScopes.bulletsAfter("Required Scopes", in: text) {
      let entries = items.flatMap { item -> [ScopeEntry] in
        guard item.count >= 2 else { return [] }
        return table.filter {
          MarkdownScopes.sameName($0.uiName, item[1]) && $0.permission.lowercased() == item[0].lowercased()
        }
      }
      guard !entries.isEmpty else { return nil }
      return (
        entries,
        "operation description: \"Required Scopes\" list (\(name):\(start + line)-\(start + line + items.count))"
      )
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (index, line) in lines.enumerated() {
      let lowered = line.lowercased()
      if lowered.contains("permissions on the"), lowered.contains("scope") {
        let words = MarkdownScopes.bold(line)
        guard words.count >= 2 else { continue }
        let writes = words[0].lowercased() == "write"
        let entries = table.filter {
          MarkdownScopes.sameName($0.uiName, words[1]) && (!writes || $0.permission == "modify")
        }
        guard !entries.isEmpty else { continue }
        // "> * Requires **write** permissions on the **X** [scope](...)." reads "Requires write
        // permissions on the X scope".
        var sentence = line.replacingOccurrences(of: "**", with: "").trimmingBlanks()
        while let first = sentence.first, first == ">" || first == "*" || first == " " {
          sentence.removeFirst()
        }
        if let link = sentence.range(of: "[scope](") { sentence = sentence[..<link.lowerBound] + "scope" }
        if sentence.hasSuffix(".") { sentence.removeLast() }
        return (entries, "operation description: \"\(sentence)\" (\(name):\(start + index))")
      }
      if lowered.contains("oauth scope is a requirement") {
        let level = MarkdownScopes.backticked(line).first ?? ""
        let entries = table.filter {
          lowered.contains(" \($0.uiName.lowercased()) oauth scope") && $0.permission == level
        }
        guard !entries.isEmpty else { continue }
        let sentence = line.replacingOccurrences(of: "**NOTE**:", with: "").trimmingBlanks()
        let quoted =
          sentence.hasSuffix(" for this endpoint.")
          ? String(sentence.dropLast(" for this endpoint.".count)) : sentence
        return (entries, "operation description: \"\(quoted)\" (\(name):\(start + index))")
      }
    }
    return nil
  }

  // MARK: api-accounts.mdx

  /// The rows of api-accounts.mdx's scope table whose resources link to a page the file's info
  /// description links to: what covers that API when the file's own table is a placeholder.
  private func apiAccountsRows(linkedFrom document: Node) -> (
    entries: [ScopeEntry], lines: String, api: String
  )? {
    guard let accounts = apiAccounts, let info = document["info"]?["description"]?.string else { return nil }
    let targets = Set(MarkdownScopes.linkTargets(info).map { $0.components(separatedBy: "#")[0] })
    let lines = accounts.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var entries: [ScopeEntry] = []
    var numbers: [Int] = []
    var api = ""
    for (index, line) in lines.enumerated() {
      guard let cells = MarkdownScopes.cells(of: line), cells.count >= 5 else { continue }
      let resources = cells[4]
      let links = resources.components(separatedBy: "<br />").compactMap { link -> (String, String)? in
        guard let open = link.firstIndex(of: "["), let middle = link.range(of: "]("),
          let close = link.lastIndex(of: ")")
        else { return nil }
        return (
          String(link[link.index(after: open)..<middle.lowerBound]), String(link[middle.upperBound..<close])
        )
      }
      guard let hit = links.first(where: { targets.contains($0.1.components(separatedBy: "#")[0]) }) else {
        continue
      }
      entries.append(
        ScopeEntry(uiName: cells[0], permission: cells[1], tokenString: MarkdownScopes.unquoted(cells[2])))
      numbers.append(index + 1)
      api = hit.0
    }
    guard !entries.isEmpty else { return nil }
    return (entries, "\(numbers.first!)-\(numbers.last!)", api)
  }

  // MARK: Lines

  /// The file line (from 1) of a scalar's first line of text: the line after `|` or `>`.
  private func firstLine(of node: Node) -> Int {
    guard let mark = node.mark else { return 0 }
    let line = lineText(mark.line)
    let rest = line.dropFirst(max(0, mark.column - 1))
    return rest.hasPrefix("|") || rest.hasPrefix(">") ? mark.line + 1 : mark.line
  }

  private func lineText(_ number: Int) -> String {
    return number >= 1 && number <= lines.count ? String(lines[number - 1]) : ""
  }
}
