import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// A writer that keeps everything, for tests and for capturing a command's output.
public final class CapturedOutput: OutputWriting {
  public private(set) var output = ""
  public private(set) var error = ""
  /// The errors the shell reported, in order.
  public private(set) var errors: [BcshError] = []

  public init() {}

  /// The codes of the errors the shell reported, in order.
  public var errorCodes: [BcshError.Code] { errors.map(\.code) }

  public func writeOutput(_ text: String) { output += text }
  public func writeError(_ text: String) { error += text }
  public func noteReported(_ error: BcshError) { errors.append(error) }
}
