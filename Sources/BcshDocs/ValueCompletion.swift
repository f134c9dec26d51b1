import ArgumentParser
import BcshCommandLine
import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify

/// What Tab offers for a value, from the declaration: `completion: .file(extensions:)` or
/// `.list`, or the cases of a `CaseIterable` type; anything else is free text.
public enum ValueCompletion: Sendable, Equatable {
  /// Free text (a port, a command line, NAME=VALUE): nothing to offer.
  case none
  /// Files (those ending in one of `extensions`, when there are any) and folders.
  case files(extensions: [String])
  case directories
  /// Values to offer, each with what it means when the declaration says; `isClosed` when no
  /// other value is valid (the cases of a `CaseIterable` type), not when they only suggest.
  case choices([Choice], isClosed: Bool)

  public struct Choice: Sendable, Equatable {
    public var value: String
    public var summary: String?
  }
}
