import BcshFormats
import BcshModel
import BcshPorts

/// What a token lacks before verify can send anything.
public enum MissingSetup: Sendable, Equatable, CustomStringConvertible {
  case apiPath
  case accessToken
  case both

  public var description: String {
    switch self {
    case .apiPath: "no API path"
    case .accessToken: "no access token"
    case .both: "no API path and no access token"
    }
  }
}
