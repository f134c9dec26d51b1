/// `save --format env`: dotenv lines that SDKs and CI read.
public enum DotEnvFile {
  public static func rendered(_ token: Token) -> String {
    var lines: [String] = []
    func add(_ name: String, _ value: String?) {
      guard let value else { return }
      lines.append("\(name)=\(quoted(value))")
    }
    if case .store(let hash) = token.apiPath { add("BIGCOMMERCE_STORE_HASH", hash) }
    if case .account(let uuid) = token.apiPath { add("BIGCOMMERCE_ACCOUNT_UUID", uuid) }
    add("BIGCOMMERCE_ACCESS_TOKEN", token.accessToken?.revealed)
    add("BIGCOMMERCE_CLIENT_ID", token.clientID)
    add("BIGCOMMERCE_CLIENT_SECRET", token.clientSecret?.revealed)
    add("BIGCOMMERCE_API_PATH", token.apiPath?.canonical)
    return lines.joined(separator: "\n") + "\n"
  }

  /// Bare when safe, otherwise double-quoted with `\`, `"` and `$` escaped.
  private static func quoted(_ value: String) -> String {
    let safe = value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:{}@+".contains($0)) }
    if safe && !value.isEmpty { return value }
    var escaped = ""
    for character in value {
      if character == "\\" || character == "\"" || character == "$" { escaped.append("\\") }
      escaped.append(character)
    }
    return "\"\(escaped)\""
  }
}
