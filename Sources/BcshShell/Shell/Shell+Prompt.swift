import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

extension Shell {
  /// The prompt: `bcsh>`, or `bcsh(NAME)>` with the current token, and `*` for unsaved changes.
  public var prompt: String {
    let name = state.session.currentName.map { "(\($0))" } ?? ""
    return "bcsh\(name)\(state.hasUnsavedChanges ? "*" : "")> "
  }
}
