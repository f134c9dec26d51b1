import BcshModel
import BcshPorts

/// The `.txt` file the control panel downloads after an API account is saved: one `LABEL: value`
/// per line. Layouts differ (docs/bigcommerce.md, "Paths, identifiers and the downloaded file"); the reader accepts any label
/// order, CRLF, trailing spaces, case differences and unknown labels.
public struct CredentialsFile: Sendable, Equatable {
  public var accessToken: String
  public var clientName: String?
  public var apiPath: String
  public var clientID: String?
  public var clientSecret: String?
  /// The line each label stood on, when read from a file: errors about a value name its line.
  public var lines: [String: Int] = [:]

  public init(
    accessToken: String, clientName: String?, apiPath: String, clientID: String?, clientSecret: String?
  ) {
    self.accessToken = accessToken
    self.clientName = clientName
    self.apiPath = apiPath
    self.clientID = clientID
    self.clientSecret = clientSecret
  }

  /// The labels whose values are credentials.
  static let credentialLabels: Set = ["ACCESS TOKEN", "CLIENT ID", "CLIENT SECRET"]

  /// Reads the file's text. `source` names it in errors (`creds.txt:3:1`).
  public static func parse(_ text: String, source: String) throws(BcshError) -> CredentialsFile {
    var fields: [String: (value: String, line: Int)] = [:]
    var lineNumber = 0
    var sawContent = false
    for rawLine in AtomicFile.withoutByteOrderMark(text).split(
      omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    {
      lineNumber += 1
      let line = String(rawLine).trimmingBlanks()
      guard !line.isEmpty else { continue }
      sawContent = true
      // Lines that are not `LABEL: value` (a heading someone added) carry nothing bcsh reads.
      guard let colon = line.firstIndex(of: ":") else { continue }
      let label = normalizedLabel(String(line[..<colon]))
      let value = String(line[line.index(after: colon)...]).trimmingBlanks()
      guard let label else { continue }
      // The credentials pass the one check every credential passes (`token set`, session files).
      if Self.credentialLabels.contains(label), !value.isEmpty,
        let problem = CredentialValue.problem(with: value)
      {
        throw BcshError(
          "the \(label) \(problem); a credential is one word", code: .invalidFile,
          hint: "check that the file was not edited by hand",
          at: SourcePosition(
            source: source, line: lineNumber, column: line.distance(from: line.startIndex, to: colon) + 3))
      }
      if let earlier = fields[label], earlier.value != value, label != "NAME" {
        throw BcshError(
          "'\(label)' appears twice with different values (first on line \(earlier.line))",
          code: .invalidFile,
          at: SourcePosition(source: source, line: lineNumber, column: 1))
      }
      fields[label] = (value, lineNumber)
    }
    guard sawContent else {
      throw BcshError(
        "the file is empty", code: .invalidFile, at: SourcePosition(source: source, line: 1, column: 1))
    }
    let missing = ["ACCESS TOKEN", "API PATH"].filter { (fields[$0]?.value ?? "").isEmpty }
    guard missing.isEmpty else {
      throw BcshError(
        "missing \(missing.joined(separator: " and ")) in the credentials file", code: .invalidFile,
        hint: "the control panel's file has ACCESS TOKEN, CLIENT NAME, API PATH, CLIENT ID and CLIENT SECRET",
        at: SourcePosition(source: source, line: 1, column: 1))
    }
    func value(_ label: String) -> String? {
      fields[label].flatMap { $0.value.isEmpty ? nil : $0.value }
    }
    var file = CredentialsFile(
      accessToken: value("ACCESS TOKEN")!, clientName: value("CLIENT NAME") ?? value("NAME"),
      apiPath: value("API PATH")!, clientID: value("CLIENT ID"), clientSecret: value("CLIENT SECRET"))
    file.lines = fields.mapValues(\.line)
    return file
  }

  /// Files are equal when their values are, wherever the labels stood.
  public static func == (lhs: CredentialsFile, rhs: CredentialsFile) -> Bool {
    lhs.accessToken == rhs.accessToken && lhs.clientName == rhs.clientName && lhs.apiPath == rhs.apiPath
      && lhs.clientID == rhs.clientID && lhs.clientSecret == rhs.clientSecret
  }

  /// The control panel's layout: ACCESS TOKEN, CLIENT NAME, API PATH, CLIENT ID, CLIENT SECRET.
  public func rendered() -> String {
    var lines = ["ACCESS TOKEN: \(accessToken)"]
    if let clientName { lines.append("CLIENT NAME: \(clientName)") }
    lines.append("API PATH: \(apiPath)")
    if let clientID { lines.append("CLIENT ID: \(clientID)") }
    if let clientSecret { lines.append("CLIENT SECRET: \(clientSecret)") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Upper case, single spaces, `_` and `-` read as spaces; nil for labels bcsh does not use.
  private static func normalizedLabel(_ raw: String) -> String? {
    let words = raw.uppercased().split { $0 == " " || $0 == "_" || $0 == "-" || $0 == "\t" }
    let label = words.joined(separator: " ")
    let known = ["ACCESS TOKEN", "CLIENT NAME", "NAME", "API PATH", "CLIENT ID", "CLIENT SECRET"]
    return known.contains(label) ? label : nil
  }
}
