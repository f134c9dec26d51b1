import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
@preconcurrency import CLibEdit
@preconcurrency import Glibc

/// The line editor: the one owner of libedit's `EditLine` and `History`. libedit's C callbacks
/// (the prompt, Tab) find it through `EL_CLIENTDATA`. `close()` (or deinit) ends libedit, which puts
/// the terminal back.
final class LineEditor {
  private(set) var editLine: OpaquePointer?
  private(set) var history: OpaquePointer?
  /// The prompt libedit shows, owned here so that the pointer the prompt callback returns stays valid.
  private var promptText: UnsafeMutablePointer<CChar>?
  /// What Tab asks.
  var completer: any LineCompleting
  /// The lines entered in this session, oldest first, merged into the history file on save.
  private(set) var sessionEntries: [String] = []
  /// How many entries the history keeps.
  static let historySize: Int32 = 1000

  /// Sets libedit up on standard input and output: Emacs keys, Ctrl-R search, Tab completion, a
  /// history without consecutive duplicates, then the user's `~/.editrc` (or `$EDITRC`), which may
  /// change any of these.
  init?(completer: any LineCompleting) {
    self.completer = completer
    guard let editLine = el_init("bcsh", stdin, stdout, stderr) else { return nil }
    guard let history = history_init() else {
      el_end(editLine)
      return nil
    }
    self.editLine = editLine
    self.history = history
    bcsh_history_set_size(history, Self.historySize)
    bcsh_history_set_unique(history, 1)

    bcsh_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
    bcsh_el_set_prompt(editLine, LineEditor.promptCallback)
    bcsh_el_set_editor(editLine, "emacs")
    // EL_SIGNAL stays off: libedit's handlers run on whichever thread the kernel picks, and its
    // resize alone corrupts the heap after a shrink. The read callback handles those signals on
    // the reading thread instead (`handleEditingSignal`).
    bcsh_el_set_read_function(editLine, LineEditor.readCallback)
    bcsh_el_set_history(editLine, history)
    bcsh_el_add_function(
      editLine, "bcsh-complete", "complete the word under the cursor", LineEditor.completeCallback)
    bcsh_el_bind(editLine, "^I", "bcsh-complete")
    bcsh_el_bind(editLine, "^R", "em-inc-search-prev")
    el_source(editLine, nil)
  }

  deinit { close() }

  /// Ends libedit (restoring the terminal) and frees the history. Safe to call twice.
  func close() {
    if let editLine { el_end(editLine) }
    if let history { history_end(history) }
    editLine = nil
    history = nil
    free(promptText)
    promptText = nil
  }

  /// Reads one line after showing `prompt`.
  func readLine(prompt: String) -> LineInput {
    guard let editLine else { return .failed }
    free(promptText)
    promptText = strdup(prompt)
    var count: Int32 = 0
    errno = 0
    let editing = SignalTrap(Self.editingSignals)
    let text = el_gets(editLine, &count)
    withExtendedLifetime(editing) {}
    guard let text else {
      if count < 0 { return errno == EINTR ? .interrupted : .failed }
      return .endOfInput
    }
    var line = String(cString: text)
    if line.hasSuffix("\n") { line.removeLast() }
    return .line(line)
  }

  /// Adds a line to the history (the caller has decided that it may be kept).
  func record(_ entry: String) {
    guard let history else { return }
    bcsh_history_enter(history, entry)
    sessionEntries.append(entry)
  }

  /// Removes every entry `drop` judges, from memory and from what this session will save: a line
  /// that turned out to carry a secret (typed before the session knew the secret) must not come
  /// back with Up.
  func forget(where drop: (String) -> Bool) {
    guard let history else { return }
    let entries = historyEntries
    guard entries.contains(where: drop) else { return }
    bcsh_history_clear(history)
    for entry in entries where !drop(entry) { bcsh_history_enter(history, entry) }
    sessionEntries.removeAll(where: drop)
  }

  /// Every entry, oldest first.
  var historyEntries: [String] {
    guard let history else { return [] }
    var entries: [String] = []
    var line: UnsafePointer<CChar>?
    guard bcsh_history_oldest(history, &line) == 0 else { return [] }
    repeat {
      if let line { entries.append(String(cString: line)) }
    } while bcsh_history_newer(history, &line) == 0
    return entries
  }

  /// Loads a history file written by an earlier session, if there is one.
  /// Returns why the file was not read, when it was refused (see `HistoryFile.refusal`).
  func loadHistory(from path: String) -> BcshError? {
    if let refusal = HistoryFile.refusal(path) { return refusal }
    guard let history, access(path, R_OK) == 0 else { return nil }
    bcsh_history_load(history, path)
    return nil
  }

  /// The terminal's width in columns.
  var columns: Int { editLine.map { Int(bcsh_el_columns($0)) } ?? 80 }

  // MARK: C callbacks

  /// The editor that `editLine` belongs to.
  static func owner(of editLine: OpaquePointer?) -> LineEditor? {
    guard let editLine, let data = bcsh_el_get_clientdata(editLine) else { return nil }
    return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
  }

  private static let promptCallback: bcsh_el_prompt_fn = { editLine in
    if let text = LineEditor.owner(of: editLine)?.promptText { return text }
    return UnsafeMutablePointer(
      mutating: UnsafeRawPointer(("" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self))
  }

  /// The signals the read callback handles and goes on reading: a resized window, Ctrl-Z, `fg`.
  /// They are caught only while a line is read (`LineEditor.readLine`): Ctrl-Z during a command
  /// stops bcsh as usual.
  static let editingSignals = [SIGWINCH, SIGTSTP]

  /// libedit's read: one character from the terminal, or -1 with `EINTR` once a signal is caught.
  private static let readCallback: bcsh_el_read_fn = { editLine, character in
    guard let character else { return -1 }
    character.pointee = 0
    var read = TerminalInput.readCharacter(from: STDIN_FILENO)
    while read == .interrupted, let editLine, handleEditingSignal(editLine) {
      read = TerminalInput.readCharacter(from: STDIN_FILENO)
    }
    switch read {
    case .character(let scalar):
      character.pointee = wchar_t(bitPattern: scalar.value)
      return 1
    case .byte(let byte):
      character.pointee = wchar_t(byte)
      return 1
    case .endOfFile:
      return 0
    case .interrupted:
      errno = EINTR
      return -1
    case .failed(let code):
      errno = code
      return -1
    }
  }

  /// Handles a caught SIGWINCH, SIGTSTP or SIGCONT on the reading thread, where libedit may be
  /// touched; false for any other signal, which ends the read.
  private static func handleEditingSignal(_ editLine: OpaquePointer) -> Bool {
    if SignalTrap.take(only: SIGWINCH) {
      // el_resize alone keeps libedit's cursor column from the old width: after a shrink the next
      // keystroke writes past the end of its display buffer and corrupts the heap (the crash
      // libedit's own SIGWINCH handler caused). The redraw puts its cursor back at the start.
      el_resize(editLine)
      redraw(editLine)
    } else if SignalTrap.take(only: SIGTSTP) {
      suspend(editLine)
    } else if SignalTrap.take(only: SIGCONT) {
      // Continued without a Ctrl-Z of ours (`kill -STOP`, then `fg`).
      resumeEditing(editLine)
    } else {
      return false
    }
    return true
  }

  /// Ctrl-Z at the prompt: the terminal goes back to the mode bcsh found, the process stops as
  /// SIGTSTP's default does, and after `fg` the terminal is raw again and the line drawn again.
  private static func suspend(_ editLine: OpaquePointer) {
    bcsh_el_prep_term(editLine, 0)
    var stop = sigaction()
    stop.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&stop.sa_mask)
    var caught = sigaction()
    sigaction(SIGTSTP, &stop, &caught)
    var suspend = sigset_t()
    sigemptyset(&suspend)
    sigaddset(&suspend, SIGTSTP)
    var mask = sigset_t()
    // This thread keeps the terminal's signals blocked outside its wait; the stop must get through.
    pthread_sigmask(SIG_UNBLOCK, &suspend, &mask)
    raise(SIGTSTP)
    // Here after `fg`. The SIGCONT that came with it is this redraw's: it was caught on another
    // thread and passed on to this one, where it waits; taken here, it draws the line only once.
    // (Where the stop was dropped, as in an orphaned process group, none comes: wait briefly.)
    pthread_sigmask(SIG_SETMASK, &mask, nil)
    sigaction(SIGTSTP, &caught, nil)
    var continued = sigset_t()
    sigemptyset(&continued)
    sigaddset(&continued, SIGCONT)
    var briefly = timespec(tv_sec: 0, tv_nsec: 100_000_000)
    _ = sigtimedwait(&continued, nil, &briefly)
    _ = SignalTrap.take(only: SIGCONT)
    resumeEditing(editLine)
  }

  /// After a stop: whoever had the terminal meanwhile may have changed its modes and written on
  /// it. libedit takes the modes it finds as its own (cooked, then raw again) and draws the line.
  private static func resumeEditing(_ editLine: OpaquePointer) {
    bcsh_el_prep_term(editLine, 0)
    bcsh_el_prep_term(editLine, 1)
    redraw(editLine)
  }

  /// Draws the prompt and the line again on the cursor's row, whether that row is a fresh one (a
  /// job-control shell wrote `fg` and a newline) or still holds the line. libedit's refresh draws
  /// from where the cursor is, so the row is cleared first.
  private static func redraw(_ editLine: OpaquePointer) {
    fputs("\r\u{1B}[K", stdout)
    fflush(stdout)
    bcsh_el_refresh(editLine)
  }

  private static let completeCallback: bcsh_el_command_fn = { editLine, _ in
    guard let editor = LineEditor.owner(of: editLine) else { return UInt8(CC_ERROR) }
    return editor.completeAtCursor()
  }
}
