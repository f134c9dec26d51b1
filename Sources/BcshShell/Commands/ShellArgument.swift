import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// A type that a command's word is read as, in the spirit of ArgumentParser's
/// `ExpressibleByArgument`: a command declares an argument of this type and gets the value, or
/// the word is refused where it stands.
protocol ShellArgument: Sendable {
  /// What Tab completion offers for it, unless its declaration says otherwise (a `String` may be
  /// a token's name or a path).
  static var kind: ArgumentKind { get }
  /// The values it takes, when they are a closed set: `help` and the manual list them.
  static var closedSet: ClosedSet? { get }
  /// Reads a word's text. The error says what is wrong with the word; whoever reads it places the
  /// error at the word.
  init(argument: String) throws(BcshError)
}

extension ShellArgument {
  static var closedSet: ClosedSet? { nil }
}

extension String: ShellArgument {
  static var kind: ArgumentKind { .text }

  init(argument: String) { self = argument }
}

extension CredentialField: ClosedSetArgument {
  static var noun: String { "field" }
  static var kind: ArgumentKind { .credentialField }
}

extension ScopeSelection: ClosedSetArgument {
  static var noun: String { "scope selection" }
  static var kind: ArgumentKind { .scopeSelection }
}

extension StorefrontTokenKind: ClosedSetArgument {
  static var noun: String { "storefront token kind" }
  static var kind: ArgumentKind { .storefrontKind }
}

extension StorefrontScope: ClosedSetArgument {
  static var noun: String { "storefront scope" }
  static var kind: ArgumentKind { .storefrontScope }
}

extension Preset: ClosedSetArgument {
  static var noun: String { "preset" }
  static var kind: ArgumentKind { .preset }
  static var names: [String] { all.map(\.name) }

  init?(name: String) {
    guard let preset = Preset.named(name) else { return nil }
    self = preset
  }
}

extension ShellExitStatus: ShellArgument {
  static var kind: ArgumentKind { .number }

  init(argument: String) throws(BcshError) {
    guard let code = Int32(argument), let known = ShellExitStatus(rawValue: code) else {
      throw BcshError(
        "\(ShownWord.quoted(argument)) is not an exit status bcsh uses", code: .invalidValue,
        hint: "0, 1, 2, 64 or 130")
    }
    self = known
  }
}
