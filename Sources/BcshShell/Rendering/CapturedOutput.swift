import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// A writer that keeps everything, for tests and for capturing a command's output.
public final class CapturedOutput: OutputWriting {
  public private(set) var output = ""
  public private(set) var error = ""

  public init() {}

  public func writeOutput(_ text: String) { output += text }
  public func writeError(_ text: String) { error += text }
}
