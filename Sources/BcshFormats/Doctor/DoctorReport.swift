import BcshModel

/// What `doctor` found: its findings, the files it read, and what it could not check.
public struct DoctorReport: Sendable, Equatable {
  public var findings: [DoctorFinding] = []
  /// Every credential file read, as shown.
  public var files: [String] = []
  /// What could not be checked, each with why: an unreadable file, a folder too deep.
  public var unchecked: [String] = []

  public init() {}

  /// 1 when something is wrong, else 2 when something could not be checked, else 0.
  public var exitStatus: ShellExitStatus {
    if !findings.isEmpty { return .verifyProblem }
    return unchecked.isEmpty ? .success : .commandFailed
  }
}
