import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// The sandbox `bcsh --sandbox` started, as `sandbox show` and `set` need it. The sandbox
/// describes itself: the core does not import it.
public struct SandboxListing: Sendable {
  /// Its stores, accounts and tokens, in lines of at most `width` columns; `mask` shows each
  /// access token and client secret (masked, or in full for `--reveal`).
  public var text: @Sendable (_ width: Int, _ mask: (String) -> String) -> String
  /// The same for `--json`.
  public var json: @Sendable (_ mask: (String) -> String) -> JSONValue
  /// Its access tokens and client secrets: `set` masks the variables that hold them.
  public var secrets: Set<String>

  public init(
    text: @escaping @Sendable (Int, (String) -> String) -> String,
    json: @escaping @Sendable ((String) -> String) -> JSONValue, secrets: Set<String>
  ) {
    self.text = text
    self.json = json
    self.secrets = secrets
  }
}
