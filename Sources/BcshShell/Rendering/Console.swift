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

/// How output is shaped for the person or program reading it.
public struct OutputFormat: Sendable {
  /// `--json`: one JSON document per command that reports something.
  public var json: Bool
  public var style: TextStyle
  /// Standard output is a terminal a person watches: long commands (verify) show their steps as
  /// answers arrive. Never under `--json` or when piped.
  public var showsProgress: Bool
  /// The columns prose and tables fit in: the terminal's width, asked each time (it may be
  /// resized), 80 when output is not a terminal; nil leaves lines as long as they are.
  public var columns: @Sendable () -> Int?
  /// The columns errors and warnings fit in: the terminal's when standard error is one; nil when
  /// it is not, so that a log or an editor gets each `file:line:col: error:` whole on one line.
  public var diagnosticColumns: @Sendable () -> Int?

  public init(
    json: Bool = false, style: TextStyle = .plain, showsProgress: Bool = false,
    columns: @escaping @Sendable () -> Int? = { nil },
    diagnosticColumns: @escaping @Sendable () -> Int? = { nil }
  ) {
    self.json = json
    self.style = style
    self.showsProgress = showsProgress && !json
    self.columns = columns
    self.diagnosticColumns = diagnosticColumns
  }

  /// The width to wrap at now, if any.
  public var width: Int? { columns() }
}

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
