import Foundation
import Yams

/// Why extraction stopped.
public struct ExtractionError: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
