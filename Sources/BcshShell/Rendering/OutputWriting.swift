import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// Where commands write: data to standard output, diagnostics to standard error. The terminal and
/// the tests provide their own.
public protocol OutputWriting: AnyObject {
  func writeOutput(_ text: String)
  func writeError(_ text: String)
}
