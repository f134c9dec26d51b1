import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `exit [STATUS]`: leaves bcsh, once warned about unsaved changes.
struct ExitCommand: SynchronousCommand {
  static let status = OptionalArgument<ShellExitStatus>("STATUS")
  static let spec = CommandSpec(
    ["exit"], "leave bcsh (warns once about unsaved changes)", arguments: [status.spec], example: "exit")

  let status: ShellExitStatus

  init(from invocation: Invocation) throws(BcshError) {
    status = try invocation.read(Self.status)?.value ?? .success
  }

  func run(in context: inout CommandContext) throws(BcshError) {
    if context.options.interactive && context.state.hasUnsavedChanges
      && context.state.exitWarnedAbout != context.state.session
    {
      context.state.exitWarnedAbout = context.state.session
      context.warn(
        "the session has unsaved changes",
        hint: "'save' keeps them; 'exit' or Ctrl-D again leaves without saving")
      return
    }
    context.exitRequest = status
  }
}
