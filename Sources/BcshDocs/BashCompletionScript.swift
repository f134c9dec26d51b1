/// `completions/bcsh.bash`, for bash-completion 2.
enum BashCompletionScript {
  static func render(_ root: OuterCommand) -> String {
    var lines = [
      "# bash completion for bcsh                                 -*- shell-script -*-",
      "#",
    ]
    lines += GeneratedNotice.shellComment
    lines += [
      "#",
      "# Needs bash-completion (2.x). Installed as share/bash-completion/completions/bcsh, it is loaded on demand",
      "# the first time `bcsh` is completed. The command line it covers:",
      "#",
    ]
    lines += root.synopsisComment
    lines += [
      "",
      "_\(root.identifier)()",
      "{",
      "    local cur prev words cword split",
      "    _init_completion -s || return",
      "",
      "    # Where the words before the cursor put us: a command's options, COMMAND:N when the next word is",
      "    # its argument N (after `--` or the arguments before it), or done.",
      "    local state=\(root.state) i word",
      "    for ((i = 1; i < cword; i++)); do",
      "        word=${words[i]}",
      "        case $state in",
    ]
    for command in root.all {
      lines += transitions(command).map { "            " + $0 }
    }
    lines += [
      "        esac",
      "    done",
      "",
      "    # The value of an option (`--color always`, `--color=always`).",
      "    case $state:$prev in",
    ]
    for command in root.all {
      for option in command.valuedOptions {
        let pattern = option.names.map { "\(command.state):\($0)" }.joined(separator: " | ")
        let action = completion(option.value!.completion)
        lines.append("        \(pattern)) \(action.isEmpty ? "" : action + "; ")return ;;")
      }
    }
    lines += [
      "    esac",
      "    $split && return",
      "",
      "    case $state in",
    ]
    for command in root.all {
      lines += cursor(command).map { "        " + $0 }
    }
    lines += [
      "    esac",
      "} &&",
      "    complete -F _\(root.identifier) \(root.name)",
      "",
      "# ex: filetype=sh",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  /// The `case` arms that move from `command`'s states on one more word.
  private static func transitions(_ command: OuterCommand) -> [String] {
    var arms = ["\(command.state))", "    case $word in"]
    if command.stateAfterTerminator != "done" {
      arms.append("        --) state=\(command.stateAfterTerminator) ;;")
    }
    arms.append("        --*=*) ;;")
    if !command.valuedOptionWords.isEmpty {
      arms.append("        \(command.valuedOptionWords.joined(separator: " | "))) ((i++)) ;;")
    }
    arms.append("        -*) ;;")
    for subcommand in command.subcommands {
      arms.append("        \(subcommand.words.last!)) state=\(subcommand.state) ;;")
    }
    arms += ["        *) state=\(command.stateAfterFirstArgument) ;;", "    esac", "    ;;"]
    for (state, index) in command.argumentStates where state != command.argumentState(index + 1) {
      arms.append("\(state)) state=\(command.argumentState(index + 1)) ;;")
    }
    return arms
  }

  /// The `case` arms that complete the word under the cursor in `command`'s states.
  private static func cursor(_ command: OuterCommand) -> [String] {
    var first: [String] = []
    if let argument = command.arguments.first, case let action = completion(argument.completion),
      !action.isEmpty
    {
      first.append(action)
    }
    if !command.subcommands.isEmpty {
      let words = command.subcommands.map { $0.words.last! }.joined(separator: " ")
      first.append("COMPREPLY+=($(compgen -W '\(words)' -- \"$cur\"))")
    }
    var arms = ["\(command.state))", "    if [[ $cur == -* ]]; then"]
    arms.append(
      "        COMPREPLY=($(compgen -W '\(command.optionWords.joined(separator: " "))' -- \"$cur\"))")
    if !first.isEmpty {
      arms.append("    else")
      arms += first.map { "        " + $0 }
    }
    arms += ["    fi", "    ;;"]
    for (state, index) in command.argumentStates {
      let action = completion(command.arguments[index].completion)
      arms.append(
        action.isEmpty
          ? "# \(state): \(command.arguments[index].valueName), nothing to offer."
          : "\(state)) \(action) ;;")
    }
    return arms
  }

  /// The bash-completion code that offers a value; empty for free text.
  static func completion(_ completion: ValueCompletion) -> String {
    switch completion {
    case .none: ""
    case .files(let extensions) where extensions.isEmpty: "_filedir"
    case .files(let extensions) where extensions.count == 1: "_filedir \(extensions[0])"
    case .files(let extensions): "_filedir '@(\(extensions.joined(separator: "|")))'"
    case .directories: "_filedir -d"
    case .choices(let choices, _):
      "COMPREPLY=($(compgen -W '\(choices.map(\.value).joined(separator: " "))' -- \"$cur\"))"
    }
  }
}
