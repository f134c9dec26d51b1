import Foundation

/// `completions/bcsh.fish`: a function that finds the state of the command line, and one
/// `complete` line per option, subcommand and argument, each for its state.
enum FishCompletionScript {
  static func render(_ root: OuterCommand) -> String {
    var lines = GeneratedNotice.shellComment
    lines += [
      "#",
      "# fish completion for bcsh. Installed as share/fish/vendor_completions.d/bcsh.fish. The command line it covers:",
      "#",
    ]
    lines += root.synopsisComment
    lines += [
      "",
      "# Where the words before the cursor put us: a command's options, COMMAND:N when the next word is its",
      "# argument N (after `--` or the arguments before it), value (an option's value that starts with `-`), or",
      "# done.",
      "function __\(root.identifier)_state",
      "    set -l tokens (commandline -opc)",
      "    set -e tokens[1]",
      "    set -l state \(root.state)",
      "    set -l skip 0",
      "    for token in $tokens",
      "        if test $skip -eq 1",
      "            set skip 0",
      "            continue",
      "        end",
      "        switch $state",
    ]
    for command in root.all {
      lines += transitions(command).map { "            " + $0 }
    }
    lines += [
      "        end",
      "    end",
      "    # A word that starts with `-` right after an option that takes a value is that value: offer no options.",
      "    if test $skip -eq 1; and string match -q -- '-*' (commandline -ct)",
      "        set state value",
      "    end",
      "    echo $state",
      "end",
      "",
      "function __\(root.identifier)_in -a wanted",
      "    test (__\(root.identifier)_state) = $wanted",
      "end",
      "",
      "# The files ending in SUFFIX and the folders (to descend into) that complete the current token; unlike",
      "# __fish_complete_suffix, no other files.",
      "function __\(root.identifier)_complete_suffix -a suffix description",
      "    set -l candidates (complete -C \"__fish_command_without_completions \"(commandline -ct) | string replace -r '\\t.*' '')",
      "    string match -r -- '^.*/$' $candidates | string replace -r '$' \\tFolder",
      "    string match -r -- '^.*'(string escape --style=regex -- $suffix)'$' $candidates | string replace -r '$' \\t$description",
      "end",
      "",
      "# No file names unless an argument asks for them.",
      "complete -c \(root.name) -f",
    ]
    for command in root.all {
      lines += [""] + completions(command, root: root)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func transitions(_ command: OuterCommand) -> [String] {
    var arms = ["case \(command.state)", "    switch $token"]
    if command.stateAfterTerminator != "done" {
      arms += ["        case -- --", "            set state \(command.stateAfterTerminator)"]
    }
    arms.append("        case '--*=*'")
    if !command.valuedOptionWords.isEmpty {
      arms += ["        case \(command.valuedOptionWords.joined(separator: " "))", "            set skip 1"]
    }
    arms.append("        case '-*'")
    for subcommand in command.subcommands {
      arms += ["        case \(subcommand.words.last!)", "            set state \(subcommand.state)"]
    }
    arms += ["        case '*'", "            set state \(command.stateAfterFirstArgument)", "    end"]
    for (state, index) in command.argumentStates where state != command.argumentState(index + 1) {
      arms += ["case \(state)", "    set state \(command.argumentState(index + 1))"]
    }
    return arms
  }

  private static func completions(_ command: OuterCommand, root: OuterCommand) -> [String] {
    let variable = command.identifier
    let complete = "complete -c \(root.name) -n $\(variable)"
    var lines = ["# \(command.name)", "set -l \(variable) '__\(root.identifier)_in \(command.state)'"]
    for option in command.options {
      var line = complete
      for name in option.names {
        line += name.hasPrefix("--") ? " -l \(name.dropFirst(2))" : " -s \(name.dropFirst())"
      }
      if let value = option.value { line += " " + valueFlags(value.completion, name: value.name, root: root) }
      lines.append(line + " -d \(quoted(option.abstract.withoutFullStop))")
    }
    for subcommand in command.subcommands {
      lines.append(
        "\(complete) -a \(subcommand.words.last!) -d \(quoted(subcommand.abstract.withoutFullStop))")
    }
    for (state, index) in command.argumentStates {
      let argument = command.arguments[index]
      guard argument.completion != .none else {
        lines.append("# \(state): \(argument.valueName), nothing to offer.")
        continue
      }
      var condition = "'__\(root.identifier)_in \(state)'"
      if index == 0 { condition = "\"$\(variable); or __\(root.identifier)_in \(state)\"" }
      lines.append(
        "complete -c \(root.name) -n \(condition) "
          + valueFlags(argument.completion, name: argument.valueName, root: root)
          + " -d \(quoted(argument.abstract.withoutFullStop))")
    }
    return lines
  }

  /// `-x` (a value, no file names), `-r -F` (a file name), with `-a` for the candidates.
  private static func valueFlags(_ completion: ValueCompletion, name: String, root: OuterCommand) -> String {
    switch completion {
    case .none: return "-x"
    case .files(let extensions) where extensions.isEmpty: return "-r -F"
    case .files(let extensions):
      let calls = extensions.map { "(__\(root.identifier)_complete_suffix .\($0) \"\(name)\")" }
      return "-x -a \(quoted(calls.joined(separator: " ")))"
    case .directories: return "-x -a '(__fish_complete_directories)'"
    case .choices(let choices, _):
      let words = choices.map { choice in
        choice.summary.map { "\(choice.value)\t\"\($0.withoutFullStop)\"" } ?? choice.value
      }
      // Evaluated by fish as a list: each TAB (written \t) separates a value from its description.
      return "-x -a \(quoted(words.joined(separator: " ")).replacing("\t", with: "\\t"))"
    }
  }

  /// Single-quoted for fish, where `\'` and `\\` are the only escapes.
  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
  }
}
