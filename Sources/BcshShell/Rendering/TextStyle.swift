import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

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
}
