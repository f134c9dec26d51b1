/// Where in a script or line something is: `setup.bcsh:12:7`. Lines and columns count from 1;
/// columns count characters, as a reader sees them.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
  public var source: String
  public var line: Int
  public var column: Int

  public init(source: String, line: Int, column: Int) {
    self.source = source
    self.line = line
    self.column = column
  }

  public var description: String { "\(source):\(line):\(column)" }
}
