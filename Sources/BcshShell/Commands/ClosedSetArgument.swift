import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// A value of a closed set, read by its name: `CaseIterable` enums (by their raw values) and presets.
protocol ClosedSetArgument: ShellArgument {
  /// What one value is called in errors: "field", "format".
  static var noun: String { get }
  /// Every name, in the order `help` lists them.
  static var names: [String] { get }
  init?(name: String)
}

extension ClosedSetArgument {
  static var closedSet: ClosedSet? { ClosedSet(noun: noun, values: names) }

  init(argument: String) throws(BcshError) {
    guard let value = Self(name: argument) else {
      try ClosedSet(noun: Self.noun, values: Self.names).check(argument)
      throw BcshError(
        "internal error: \(Self.noun) \(ShownWord.quoted(argument)) has no value", code: .internal)
    }
    self = value
  }
}

extension ClosedSetArgument where Self: CaseIterable & RawRepresentable, RawValue == String {
  static var names: [String] { allCases.map(\.rawValue) }

  init?(name: String) { self.init(rawValue: name) }
}
