import BcshModel

/// Why bcsh-docs cannot render something.
public struct DocsError: Error, CustomStringConvertible {
  public let description: String
  init(_ description: String) { self.description = description }
}
