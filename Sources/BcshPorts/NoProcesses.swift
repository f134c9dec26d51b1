import BcshModel

/// Runs nothing: every program "could not start".
public struct NoProcesses: ProcessRunning {
  public init() {}

  public func exitStatus(of arguments: [String], environment: [String]) -> Int32? { nil }

  public func runAttached(_ arguments: [String], environment: [String], in folder: String) throws(BcshError)
    -> ProgramEnding
  {
    throw BcshError("this build of bcsh cannot run other programs", code: .unsupported)
  }
}
