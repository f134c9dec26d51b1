import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

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
