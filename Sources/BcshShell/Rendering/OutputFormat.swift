import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

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
