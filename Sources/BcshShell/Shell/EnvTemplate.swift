import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `exec --env-file FILE`: a `.env` template whose `KEY=bcsh://TOKEN/FIELD` lines name a value of
/// the session (as `op run --env-file` names 1Password's), read as python-dotenv reads a `.env`
/// file; other `KEY=value` lines pass through as they are.
public enum EnvTemplate {
  /// The fields a reference may name.
  public static let fields = [
    "access-token", "client-id", "client-secret", "store-hash", "api-path", "channel-id",
  ]

  static let scheme = "bcsh://"

  /// The variables of the template `text` (the file `source`), references resolved from `session`;
  /// a reference that names nothing is an error at its `FILE:line:col`.
  public static func resolve(_ text: String, source: String, session: Session) throws(BcshError)
    -> [(name: String, value: String)]
  {
    let document = try DotEnvDocument.parse(text, source: source)
    var variables: [(name: String, value: String)] = []
    for entry in document.entries {
      let position = SourcePosition(source: source, line: entry.line, column: entry.valueColumn)
      let value = try BcshError.placing(at: position) { () throws(BcshError) in
        try resolved(entry.value, session: session)
      }
      variables.removeAll { $0.name == entry.key }
      variables.append((entry.key, value))
    }
    return variables
  }

  /// `value` itself, or the session's value it refers to.
  static func resolved(_ value: String, session: Session) throws(BcshError) -> String {
    guard value.hasPrefix(scheme) else { return value }
    let reference = value.dropFirst(scheme.count)
    let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty else {
      throw BcshError(
        "\(ShownWord.quoted(value)) is not a bcsh://TOKEN/FIELD reference", code: .invalidValue,
        hint: "fields: \(fields.joined(separator: ", "))")
    }
    let token = try session.require(String(parts[0]))
    let field = String(parts[1])
    let found: String?
    switch field {
    case "access-token": found = token.accessToken?.revealed
    case "client-id": found = token.clientID
    case "client-secret": found = token.clientSecret?.revealed
    case "store-hash":
      if case .store(let hash)? = token.apiPath { found = hash } else { found = nil }
    case "api-path": found = token.apiPath?.canonical
    case "channel-id": found = token.storefront?.channels.first.map(String.init)
    default:
      let guess = Spelling.suggestion(for: field, among: fields)
      throw BcshError(
        "unknown field \(ShownWord.quoted(field)) in \(ShownWord.quoted(value))", code: .unknownName,
        hint: guess.map { "did you mean '\($0)'?" } ?? "fields: \(fields.joined(separator: ", "))")
    }
    guard let found else {
      throw BcshError(
        "'\(token.name)' has no \(field.replacing("-", with: " "))", code: .notReady,
        hint: field == "channel-id"
          ? "only a storefront token (token mint) has a channel"
          : "'token show \(token.name)' shows what it has")
    }
    return found
  }
}
