import ArgumentParser
import BcshCommandLine
import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify

/// An option or a flag.
public struct OuterOption: Sendable {
  /// `-c`, `--command`, as typed.
  public var names: [String]
  /// nil for a flag.
  public var value: OuterValue?
  public var isRepeating: Bool
  public var abstract: String

  /// The long name if there is one.
  public var preferredName: String { names.first { $0.hasPrefix("--") } ?? names[0] }

  /// ArgumentParser's own `--help` and `--version`: each ends the command line.
  var isHelpOrVersion: Bool { names.contains("--help") || names.contains("--version") }
}
