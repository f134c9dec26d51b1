import ArgumentParser
import BcshCommandLine
import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify

/// The value of an option.
public struct OuterValue: Sendable {
  /// `FILE`, `NAME=VALUE`.
  public var name: String
  public var completion: ValueCompletion
  public var defaultValue: String?
}
