import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// The commands about the shell itself: status, history, variables, scripts, help, exit.
enum ShellCommands {
  static let all: [CommandSpec] = [
    CommandSpec(["status"], "the session file, unsaved changes and the current token", example: "status") {
      context, _ throws(BcshError) in
      let state = context.state
      let current = state.session.current
      var lines = [
        "session file:    \(state.file?.path ?? "none (save FILE gives it one)")",
        "unsaved changes: \(state.hasUnsavedChanges ? "yes" : "no")",
        "tokens:          \(state.session.tokenCount)",
        "current token:   \(current.map { "\($0.name) (\($0.kind)-level)" } ?? "none")",
      ]
      let secrets = state.file.map { $0.keyring == nil ? "in the session file" : "in the OS keyring" }
      lines.append("secrets kept:    \(secrets ?? "nowhere yet (not saved)")")
      let missing = state.file?.keyring?.missing ?? []
      if !missing.isEmpty {
        lines.append("missing secrets: " + KeyringSecrets.describe(missing) + " (not in the keyring)")
      }
      if let current {
        lines.append("api path:        \(current.apiPath?.canonical ?? "not set")")
        lines.append("scopes:          \(current.grants.count) declared")
        for field in KeyringSecrets.fields {
          if let home = state.home(of: field, of: current) {
            lines.append("\(field.rawValue):".padding(to: 17) + home.phrase)
          }
        }
      }
      if context.shell.environment.apiBase != APIBase.production {
        lines.append("api base:        \(context.shell.environment.apiBase)")
      }
      context.report(
        lines.joined(separator: "\n") + "\n",
        json: .object([
          ("session_file", .optional(state.file?.path)),
          ("secrets_in_keyring", .bool(state.file?.keyring != nil)),
          (
            "missing_secrets",
            .array(missing.map { .object([("token", .string($0.token)), ("field", .string($0.field))]) })
          ),
          ("unsaved_changes", .bool(state.hasUnsavedChanges)),
          ("tokens", .number(state.session.tokenCount)),
          ("current_token", .optional(current?.name)),
          ("api_path", .optional(current?.apiPath?.canonical)),
          ("api_base", .string(context.shell.environment.apiBase)),
        ]))
    },
    CommandSpec(
      ["history"], "show the last N lines of the history (all by default)",
      arguments: [ArgumentSpec("N", .number, .optional)], example: "history 20"
    ) { context, invocation throws(BcshError) in
      guard let history = context.shell.environment.history else {
        throw BcshError("there is no history outside an interactive session")
      }
      let all = history()
      var entries = all
      if let count = invocation.argument("N") {
        guard let n = Int(count.value), n >= 0 else {
          throw BcshError("\(ShownWord.quoted(count.value)) is not a number of lines", at: count.position)
        }
        entries = Array(entries.suffix(n))
      }
      let first = all.count - entries.count + 1
      let text = entries.enumerated().map { "\(String(first + $0.offset).leftPadded(to: 5))  \($0.element)" }
      context.report(
        text.map { $0 + "\n" }.joined(), json: .array(entries.map(JSONValue.string)))
    },
    CommandSpec(
      ["echo"], "print words (variables expanded)", arguments: [ArgumentSpec("WORDS", .text, .zeroOrMore)],
      example: "echo \"store: ${STORE:-unset}\""
    ) { context, invocation throws(BcshError) in
      context.shell.write(invocation.arguments("WORDS").map(\.value).joined(separator: " ") + "\n")
    },
    CommandSpec(
      ["set"], "set a variable; with no NAME, list the variables",
      arguments: [ArgumentSpec("NAME", .variableName, .optional), ArgumentSpec("VALUE", .text, .optional)],
      example: "set STORE abc123"
    ) { context, invocation throws(BcshError) in
      guard let name = invocation.argument("NAME") else {
        let names = context.state.variables.keys.sorted()
        // The sandbox's demo secrets are secrets too (shown masked, as `sandbox show` does), and a
        // value shaped like a credential is masked though the session may not hold it (yet).
        let sandboxSecrets = context.shell.environment.sandbox?.secrets ?? []
        let variables = context.state.variables
        let shown = { (name: String) -> String in
          let value = variables[name]!
          return sandboxSecrets.contains(value) || ShownWord.looksLikeSecret(value)
            ? Secret.mask(value) : value
        }
        context.report(
          // Masked before quoting: quoting changes a secret's bytes.
          names.map { "\($0)=\(Shell.quoteForDisplay(ShownWord.escaped(context.shell.masked(shown($0)))))\n" }
            .joined(),
          json: .object(names.map { ($0, .string(shown($0))) }))
        return
      }
      guard VariableName.isValid(name.value) else {
        throw BcshError(
          "\(ShownWord.quoted(name.value)) is not a variable name",
          hint: "names are letters, digits and _, not starting with a digit",
          at: name.position)
      }
      guard let value = invocation.argument("VALUE") else {
        throw BcshError("set \(name.value) needs a VALUE", hint: "set \(name.value) VALUE", at: name.position)
      }
      context.state.variables[name.value] = value.value
    },
    CommandSpec(
      ["unset"], "remove a variable", arguments: [ArgumentSpec("NAME", .variableName)], example: "unset STORE"
    ) { context, invocation throws(BcshError) in
      let name = invocation.argument("NAME")!
      guard context.state.variables.removeValue(forKey: name.value) != nil else {
        throw BcshError("variable \(ShownWord.quoted(name.value)) is not set", at: name.position)
      }
    },
    CommandSpec(
      ["source"], "run a script here (its path is relative to the script that sources it)",
      arguments: [ArgumentSpec("FILE", .file(.script))], example: "source common.bcsh"
    ) { context, invocation throws(BcshError) in
      let file = invocation.argument("FILE")!
      let base = context.scriptPath.map(Paths.folder(of:))
      let path = context.shell.environment.resolve(file.value, from: base)
      let stack = context.sourceStack + (context.scriptPath.map { [$0] } ?? [])
      guard !ShellCommands.isRunning(path, among: stack) else {
        throw BcshError(
          "\(ShownWord.quoted(file.value)) is already being run: sourcing it again would loop forever",
          hint: "sourced: " + (stack + [path]).map(Paths.fileName(of:)).joined(separator: " -> "),
          at: file.position)
      }
      guard stack.count < 64 else { throw BcshError("scripts are sourced too deeply", at: file.position) }
      let text: String
      do throws(BcshError) { text = try AtomicFile.read(path, shownAs: file.value) } catch {
        throw error.placed(at: file.position)
      }
      let outcome = await context.shell.run(
        script: text, source: file.value, path: path, state: &context.state, sourceStack: stack)
      if let request = outcome.exitRequest {
        context.exitRequest = request
      } else if outcome.status != .success {
        // Under --keep-going the sourced script ran to its end, and a script that stopped at a
        // command whose changes stand (a verify that found a problem) keeps them too: keep what it
        // did, pass its status on.
        if (context.shell.options.keepGoing || outcome.keptChanges) && outcome.status != .interrupted {
          context.failedStatus = outcome.status
          return
        }
        var error = BcshError(
          "\(ShownWord.quoted(file.value)) failed", at: file.position, status: outcome.status)
        error.isReported = true
        throw error
      }
    },
    CommandSpec(
      ["help"], "list commands, or show one command's syntax and an example",
      arguments: [ArgumentSpec("COMMAND", .command, .zeroOrMore)], example: "help scope add"
    ) { context, invocation throws(BcshError) in
      let words = invocation.arguments("COMMAND")
      context.shell.write(
        try HelpRendering.text(for: words, style: context.format.style, width: context.format.width))
    },
    CommandSpec(
      ["exit"], "leave bcsh (warns once about unsaved changes)",
      arguments: [ArgumentSpec("STATUS", .number, .optional)], example: "exit"
    ) { context, invocation throws(BcshError) in
      var status = ExitStatus.success
      if let argument = invocation.argument("STATUS") {
        guard let code = Int32(argument.value), let known = ExitStatus(rawValue: code) else {
          throw BcshError(
            "\(ShownWord.quoted(argument.value)) is not an exit status bcsh uses", hint: "0, 1, 2, 64 or 130",
            at: argument.position)
        }
        status = known
      }
      if context.shell.options.interactive && context.state.hasUnsavedChanges
        && context.state.exitWarnedAbout != context.state.session
      {
        context.state.exitWarnedAbout = context.state.session
        context.warn(
          "the session has unsaved changes",
          hint: "'save' keeps them; 'exit' or Ctrl-D again leaves without saving")
        return
      }
      context.exitRequest = status
    },
  ]

  /// Whether `path` is one of the scripts being run: the same file (device and inode), however
  /// it is spelled (`./f.bcsh`, `../dir/f.bcsh`, a link), or the same path when it cannot be read.
  static func isRunning(_ path: String, among stack: [String]) -> Bool {
    guard let file = FileFingerprint.of(path) else { return stack.contains(path) }
    return stack.contains { running in
      running == path
        || FileFingerprint.of(running).map { $0.device == file.device && $0.inode == file.inode } ?? false
    }
  }
}
