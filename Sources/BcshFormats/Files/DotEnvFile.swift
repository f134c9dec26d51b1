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
    var document = DotEnvDocument()
    for setting in ToolKeys.env(token) {
      document = try document.setting(
        setting.key, setting.value, what: setting.what,
        hint: "save --format txt or session keeps it; check the value with 'token show'")
    }
    return document.rendered()
  }

  /// Whether every reader takes `value`, written bare, as itself: not empty, and only ASCII letters,
  /// digits and `-_./:@+,%` (no blank, quote, `#`, `$`, backquote, `~`, brace, glob or separator).
  public static func isReadAsItself(_ value: String) -> Bool {
    !value.isEmpty
      && value.utf8.allSatisfy { byte in
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
          || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
          || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
          || "-_./:@+,%".utf8.contains(byte)
      }
  }
}
