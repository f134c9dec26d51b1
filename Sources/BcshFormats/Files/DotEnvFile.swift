import BcshModel
import BcshPorts

/// `save --format env`: dotenv lines that SDKs and CI read.
public enum DotEnvFile {
  /// The token's lines, each value bare. Readers of `.env` files disagree about quotes: sh, bash,
  /// dash and zsh (`set -a; . ./creds.env`) expand inside double quotes, dotenv libraries
  /// (python-dotenv, Next.js) each have their own escapes, and Docker's `--env-file` keeps quotes
  /// as part of the value. A bare value of letters, digits and `-_./:@+,%` is read as itself by all
  /// of them, and every value bcsh holds has that shape (credentials are [0-9a-z], store hashes and
  /// API paths canonical: docs/bigcommerce.md "Paths, identifiers and the downloaded file"), so any
  /// other value is refused rather than quoted.
  public static func rendered(_ token: Token) throws(BcshError) -> String {
    var lines: [String] = []
    func add(_ name: String, _ value: String?, _ what: String) throws(BcshError) {
      guard let value else { return }
      guard isReadAsItself(value) else {
        throw BcshError(
          "the \(what) of '\(token.name)' holds characters that a .env file cannot carry so that every "
            + "reader (sh, dotenv libraries, docker --env-file) reads them as the value", code: .invalidValue,
          hint: "save --format txt or session keeps it; check the value with 'token show'")
      }
      lines.append("\(name)=\(value)")
    }
    if case .store(let hash) = token.apiPath { try add("BIGCOMMERCE_STORE_HASH", hash, "store hash") }
    if case .account(let uuid) = token.apiPath { try add("BIGCOMMERCE_ACCOUNT_UUID", uuid, "account UUID") }
    try add("BIGCOMMERCE_ACCESS_TOKEN", token.accessToken?.revealed, "access token")
    try add("BIGCOMMERCE_CLIENT_ID", token.clientID, "client ID")
    try add("BIGCOMMERCE_CLIENT_SECRET", token.clientSecret?.revealed, "client secret")
    try add("BIGCOMMERCE_API_PATH", token.apiPath?.canonical, "API path")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Whether every reader takes `value`, written bare, as itself: not empty, and only ASCII letters,
  /// digits and `-_./:@+,%` (no blank, quote, `#`, `$`, backquote, `~`, brace, glob or separator).
  static func isReadAsItself(_ value: String) -> Bool {
    !value.isEmpty
      && value.utf8.allSatisfy { byte in
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
          || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
          || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
          || "-_./:@+,%".utf8.contains(byte)
      }
  }
}
