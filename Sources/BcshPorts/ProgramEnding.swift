import BcshModel

/// How a program that ran ended.
public enum ProgramEnding: Sendable, Equatable {
  case exited(Int32)
  case signaled(Int32)

  /// The status a shell gives it: the exit status, or 128 + the signal's number.
  public var status: Int32 {
    switch self {
    case .exited(let status): status
    case .signaled(let signal): 128 + signal
    }
  }
}
