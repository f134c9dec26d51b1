import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
import Foundation

/// A file that bcsh-docs writes, relative to the package root, and what it must hold.
public struct GeneratedFile: Sendable {
  public let path: String
  public let text: String
}
