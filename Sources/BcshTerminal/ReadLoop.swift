import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
@preconcurrency import CLibEdit
@preconcurrency import Glibc

/// Reads lines from the editor and runs them until the user leaves or a signal ends the session.
final class ReadLoop {
  private let shell: Shell
  private let editor: LineEditor
  private let historyFile: String?
  private let policy: HistoryPolicy
  private var lineNumber = 0
  /// `shell.secretsLearned` when the history was last judged again.
  private var secretsLearned = 0

  init(shell: Shell, editor: LineEditor, historyFile: String?) {
    self.shell = shell
    self.editor = editor
    self.historyFile = historyFile
    self.policy = HistoryPolicy { [unowned shell] line in shell.isSensitive(line: line) }
  }

  func run(_ trap: borrowing SignalTrap) async -> InteractiveShell.Ending {
    while true {
      trap.clear()
      switch read(prompt: shell.prompt, trap) {
      case .line(let text):
        if let entry = policy.entry(for: text) { editor.record(entry) }
        lineNumber += 1
        let outcome = await executeInterruptibly(text)
        // A command may have taught the shell a secret that earlier lines carried.
        if shell.secretsLearned != secretsLearned {
          secretsLearned = shell.secretsLearned
          editor.forget { policy.entry(for: $0) == nil }
        }
        lineNumber += text.count { $0 == "\n" }
        if let request = outcome.exitRequest { return .leave(request) }
        if let signal = trap.takeEnding() { return .signal(signal) }
      case .interrupted(let signal):
        if SignalTrap.ends(signal) { return .signal(signal) }
        // Ctrl-C: the line is dropped; a fresh prompt on the next line.
        write("\n")
      case .endOfInput:
        write("\n")
        // Ctrl-D is `exit`: one rule for the warning about unsaved changes.
        let outcome = await shell.execute(line: "exit", lineNumber: lineNumber)
        if let request = outcome.exitRequest { return .leave(request) }
      }
    }
  }

  /// Runs a line while watching for Ctrl-C: a Ctrl-C cancels the command (verify stops sending and
  /// records nothing, a save stops waiting for another's lock), the session stays as it was
  /// before the command, and the prompt comes back. A SIGTERM or SIGHUP cancels it too.
  private func executeInterruptibly(_ text: String) async -> Shell.RunOutcome {
    // The shell is used by one task at a time: this one waits for the group to finish.
    let shell = UncheckedTransfer(self.shell)
    let number = lineNumber
    return await withTaskGroup(of: Shell.RunOutcome?.self) { group in
      group.addTask { await shell.value.execute(line: text, lineNumber: number) }
      group.addTask {
        while !Task.isCancelled {
          if SignalTrap.take(only: SIGINT) { return nil }
          // SIGTERM or SIGHUP: the command stops too (a save waiting for a lock, a verify), and
          // the signal stays recorded for the loop, which then ends the session.
          if SignalTrap.hasPendingEnding { return nil }
          try? await Task.sleep(for: .milliseconds(40))
        }
        return nil
      }
      var outcome: Shell.RunOutcome?
      while let finished = await group.next() {
        group.cancelAll()
        if let finished { outcome = finished }
      }
      return outcome ?? Shell.RunOutcome(status: .interrupted, exitRequest: nil)
    }
  }

  /// Saves the history, unhooks it from the shell and ends libedit, which restores the terminal.
  func finish() {
    if let historyFile {
      do throws(BcshError) {
        try editor.saveHistory(to: historyFile)
      } catch {
        shell.warn(error.message)
      }
    }
    shell.environment.history = nil
    editor.close()
  }

  private enum Read {
    case line(String)
    case interrupted(Int32)
    case endOfInput
  }

  /// One logical line: physical lines joined while they end in a backslash.
  private func read(prompt: String, _ trap: borrowing SignalTrap) -> Read {
    var text = ""
    var prompt = prompt
    while true {
      switch trap.interrupting({ editor.readLine(prompt: prompt) }) {
      case .line(let line):
        text += line
        guard LineContinuation.continues(line) else { return .line(text) }
        text += "\n"
        prompt = "> "
      case .interrupted:
        // A signal nobody recorded (or one already handled) counts as Ctrl-C.
        return .interrupted(trap.take() ?? SIGINT)
      case .endOfInput where text.isEmpty:
        return .endOfInput
      case .endOfInput:
        // Ctrl-D after a continued line: run what there is without the dangling backslash.
        return .line(String(text.dropLast(2)))
      case .failed:
        return text.isEmpty ? .endOfInput : .line(String(text.dropLast(2)))
      }
    }
  }

  private func write(_ text: String) {
    fputs(text, stdout)
    fflush(stdout)
  }
}

/// Hands a value to a child task that is its only user while the parent waits for it.
private struct UncheckedTransfer<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
