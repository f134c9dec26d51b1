import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// Programs run for real, through the process port.
struct LivePrograms: ProgramRunning {
  let processes: any ProcessRunning

  func run(_ plan: ExecPlan, in folder: String) throws(BcshError) -> ProgramEnding {
    try processes.runAttached(plan.arguments, environment: plan.environment, in: folder)
  }
}
