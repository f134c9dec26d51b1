import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
@preconcurrency import Glibc

/// The interactive shell on a terminal (README, "A session"): libedit with Emacs keys,
/// Tab completion, a persistent history that keeps secrets out, Ctrl-C that clears the line, Ctrl-D
/// that leaves, and the terminal restored on every way out.
public enum InteractiveShell {
  /// How a session ended. The shell never ends the process itself: the executable does, once it
  /// has put right what it owns (the sandbox, the output).
  public enum Ending: Equatable, Sendable {
    /// `exit` or Ctrl-D, with the status to leave with.
    case leave(ShellExitStatus)
    /// SIGTERM or SIGHUP: the history is saved and the terminal restored; the process should end
    /// by that signal, so that its parent sees the real cause.
    case signal(Int32)
  }

  /// Runs the start-up script (when it exists), then reads and runs lines until `exit`, Ctrl-D or
  /// a SIGTERM or SIGHUP. `historyFile` nil keeps the history in memory only (`--no-history`);
  /// `startupScript` nil runs none (`--no-rc`).
  public static func run(_ shell: Shell, historyFile: String?, startupScript: String?) async -> Ending {
    useUTF8Locale()
    // SIGCONT too: after Ctrl-Z and `fg` the line is drawn again.
    let trap = SignalTrap([SIGINT, SIGTERM, SIGHUP, SIGCONT])
    guard let editor = LineEditor(completer: completer(for: shell)) else {
      shell.report(BcshError("cannot start the line editor on this terminal", code: .terminal))
      return .leave(.commandFailed)
    }
    var historyFile = historyFile
    if let file = historyFile, let refusal = editor.loadHistory(from: file) {
      // The history stays in memory: neither read from that file nor written over it.
      shell.warn(refusal.message, hint: refusal.hint)
      historyFile = nil
    }
    shell.environment.history = { [weak editor] in editor?.historyEntries ?? [] }
    let loop = ReadLoop(shell: shell, editor: editor, historyFile: historyFile)

    if let startupScript { await runStartupScript(startupScript, in: shell) }
    let ending: Ending
    if let signal = trap.takeEnding() {
      ending = .signal(signal)
    } else {
      ending = await loop.run(trap)
    }
    loop.finish()
    return ending
  }

  /// The Tab completer for the shell: the core's engine, reading the session at each Tab.
  static func completer(for shell: Shell) -> any LineCompleting {
    CompletionEngine(shell: shell)
  }

  /// libedit decodes keystrokes by the locale; bcsh's text is UTF-8 whatever the locale says, so a
  /// C or POSIX locale (common in containers and over ssh) is widened to C.UTF-8.
  static func useUTF8Locale() {
    setlocale(LC_CTYPE, "")
    if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
      setlocale(LC_CTYPE, "C.UTF-8")
    }
  }

  /// Runs the start-up script when it exists; its errors are reported and the shell goes on. A
  /// relative path would be read from the current folder, which README ("Secrets and files") rules out.
  static func runStartupScript(_ path: String, in shell: Shell) async {
    guard path.hasPrefix("/") else {
      shell.warn("ignoring the start-up script \(ShownWord.quoted(path)): give an absolute path")
      return
    }
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
    do throws(BcshError) {
      let text = try AtomicFile.read(path)
      _ = await shell.run(script: text, source: path, path: path)
    } catch {
      shell.report(error)
    }
  }
}
