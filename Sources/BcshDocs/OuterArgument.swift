import ArgumentParser
import BcshCommandLine
import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify

/// A positional argument.
public struct OuterArgument: Sendable {
  public var valueName: String
  public var completion: ValueCompletion
  public var isOptional: Bool
  public var isRepeating: Bool
  public var abstract: String
}
