import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// The capability to run another program attached to bcsh's streams (`exec`).
public protocol ProgramRunning {
  /// Runs the plan's program in `folder` with the plan's environment and waits for its ending.
  func run(_ plan: ExecPlan, in folder: String) throws(BcshError) -> ProgramEnding
}

/// Programs run for real, through the process port.
struct LivePrograms: ProgramRunning {
  let processes: any ProcessRunning

  func run(_ plan: ExecPlan, in folder: String) throws(BcshError) -> ProgramEnding {
    try processes.runAttached(plan.arguments, environment: plan.environment, in: folder)
  }
}

/// `--dry-run`: says what would run, with which keys (names only), and runs nothing.
struct DryRunPrograms: ProgramRunning {
  let confirm: (String) -> Void

  func run(_ plan: ExecPlan, in folder: String) throws(BcshError) -> ProgramEnding {
    let keys = plan.keys.map(\.name).joined(separator: ", ")
    confirm(
      "dry run: would run \(ShownWord.quoted(plan.arguments.first ?? "")) with \(keys.isEmpty ? "no keys" : keys)"
    )
    return .exited(0)
  }
}
