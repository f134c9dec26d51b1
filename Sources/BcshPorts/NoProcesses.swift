import BcshModel

/// Runs nothing: every program "could not start".
public struct NoProcesses: ProcessRunning {
  public init() {}

  public func exitStatus(of arguments: [String], environment: [String]) -> Int32? { nil }
}
