import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// Which files a path argument wants, for completion.
public enum FileRole: Sendable, Equatable {
  case script
  case session
  case credentials
  case any
  /// A folder: only folders are offered.
  case folder

  /// File name endings offered first; folders are always offered.
  public var extensions: [String] {
    switch self {
    case .script: [".bcsh"]
    case .session: [".json"]
    // The control panel's download, and the tools' files `token import` reads (hidden ones are
    // offered once a `.` is typed, as every hidden file is).
    case .credentials: [".txt", ".env", ".env.local", ".catalyst", ".stencil.json"]
    case .any, .folder: []
    }
  }
}
