import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
@preconcurrency import CLibEdit
@preconcurrency import Glibc

extension LineEditor {
  /// Saves the history to `path`: the file as it is now (another session may have saved meanwhile),
  /// plus this session's entries, trimmed to the history size. libedit rewrites the whole file, so
  /// this runs once, at exit.
  func saveHistory(to path: String) throws(BcshError) {
    guard !sessionEntries.isEmpty else { return }
    if let refusal = HistoryFile.refusal(path) { throw refusal }
    guard let merged = history_init() else { return }
    defer { history_end(merged) }
    bcsh_history_set_size(merged, Self.historySize)
    bcsh_history_set_unique(merged, 1)
    if access(path, R_OK) == 0 { bcsh_history_load(merged, path) }
    for entry in sessionEntries { bcsh_history_enter(merged, entry) }
    try HistoryFile.replace(path) { file in bcsh_history_save_file(merged, file) >= 0 }
  }
}
