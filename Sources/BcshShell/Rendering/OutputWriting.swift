import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// Where commands write: data to standard output, diagnostics to standard error. The terminal and
/// the tests provide their own.
public protocol OutputWriting: AnyObject {
  func writeOutput(_ text: String)
  func writeError(_ text: String)
  /// Told of each error the shell reports, after its text went to `writeError`: tests read
  /// what kind of failure it was without matching the wording.
  func noteReported(_ error: BcshError)
}

extension OutputWriting {
  public func noteReported(_ error: BcshError) {}
}
