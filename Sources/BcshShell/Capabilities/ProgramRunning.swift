import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// The capability to run another program attached to bcsh's streams (`exec`).
public protocol ProgramRunning {
  /// Runs the plan's program in `folder` with the plan's environment and waits for its ending.
  func run(_ plan: ExecPlan, in folder: String) throws(BcshError) -> ProgramEnding
}
