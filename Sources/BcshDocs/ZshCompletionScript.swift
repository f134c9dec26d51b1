import Foundation

/// `completions/_bcsh`, for zsh's compinit: one `_arguments` function per command.
enum ZshCompletionScript {
  static func render(_ root: OuterCommand) -> String {
    var lines = ["#compdef \(root.name)", "#"]
    lines += GeneratedNotice.shellComment
    lines += [
      "#",
      "# zsh completion for bcsh. Installed as share/zsh/site-functions/_bcsh (on $fpath), picked up by compinit.",
      "# The command line it covers:",
      "#",
    ]
    lines += root.synopsisComment
    // Subcommands first, so that each function is defined before the one that calls it.
    for command in root.all.reversed() {
      lines += [""] + function(command, isRoot: command.words == root.words)
    }
    lines += ["", "_\(root.identifier) \"$@\""]
    return lines.joined(separator: "\n") + "\n"
  }

  private static func function(_ command: OuterCommand, isRoot: Bool) -> [String] {
    let name = "_\(command.identifier)"
    var lines = ["# `\(command.name)`: \(command.abstract)"]
    if !isRoot { lines.append("(( $+functions[\(name)] )) ||") }
    lines.append("\(name)() {")
    let specs = command.options.flatMap(optionSpecs)
    guard !command.arguments.isEmpty || !command.subcommands.isEmpty else {
      lines.append("  _arguments -s -S" + (specs.isEmpty ? "" : " \\"))
      lines += continued(specs)
      lines.append("}")
      return lines
    }
    lines += [
      "  local curcontext=$curcontext state state_descr line ret=1",
      "  typeset -A opt_args",
      "  _arguments -s -S -C \\",
    ]
    var first: String
    if command.arguments.isEmpty {
      first = "'1:command:(\(subcommandList(command)))'"
    } else {
      first = "'1: :->first'"
    }
    lines += continued(specs + [first, "'*:: :->args'"], last: " && ret=0")
    lines += ["", "  case $state in"]
    if !command.arguments.isEmpty {
      var alternatives: [String] = []
      if !command.subcommands.isEmpty {
        alternatives.append(quoted("commands:command:(\(subcommandList(command)))"))
      }
      let argument = command.arguments[0]
      if argument.completion != .none {
        alternatives.append(quoted("arguments:\(argument.valueName):\(action(argument.completion))"))
      }
      lines.append("    first)")
      var offer: [String]
      if alternatives.isEmpty {
        offer = ["_message \(quoted(argument.valueName))"]
      } else {
        offer = ["_alternative \\"] + continued(alternatives, indent: "  ", last: " && ret=0")
      }
      if alternatives.count > 1 && argument.completion != .none {
        // After `--` the word is the argument, even when it names a subcommand.
        offer =
          [
            "if (( ${words[(I)--]} && ${words[(I)--]} < CURRENT )); then",
            "  _alternative \(alternatives.last!) && ret=0", "else",
          ]
          + offer.map { "  " + $0 } + ["fi"]
      }
      lines += offer.map { "      " + $0 }
      lines.append("      ;;")
    }
    lines.append("    args)")
    var branches: [String] = []
    for subcommand in command.subcommands {
      let word = subcommand.words.last!
      branches += [
        (branches.isEmpty ? "if" : "elif") + " [[ $words[1] == \(word) ]]; then",
        "  curcontext=${curcontext%:*:*}:\(subcommand.words.joined(separator: "-")):",
        "  _\(subcommand.identifier) && ret=0",
      ]
    }
    let rest = restOfArguments(command)
    if branches.isEmpty {
      lines += rest.map { "      " + $0 }
    } else {
      branches.append("else")
      branches += rest.map { "  " + $0 }
      branches.append("fi")
      lines += branches.map { "      " + $0 }
    }
    lines += ["      ;;", "  esac", "  return ret", "}"]
    return lines
  }

  /// After `*::`, `$words` starts at the first argument: complete argument CURRENT - 1.
  private static func restOfArguments(_ command: OuterCommand) -> [String] {
    let later = Array(command.arguments.dropFirst())
    guard !later.isEmpty else { return ["_message 'no more arguments'"] }
    func offer(_ argument: OuterArgument) -> String {
      argument.completion == .none
        ? "_message \(quoted(argument.valueName))"
        : "_alternative \(quoted("arguments:\(argument.valueName):\(action(argument.completion))")) && ret=0"
    }
    if later.count == 1 && later[0].isRepeating { return [offer(later[0])] }
    var lines = ["case $CURRENT in"]
    for (offset, argument) in later.enumerated() {
      lines.append("  \(offset + 2)) \(offer(argument)) ;;")
    }
    let last = command.arguments.last!
    lines.append("  *) \(last.isRepeating ? offer(last) : "_message 'no more arguments'") ;;")
    lines.append("esac")
    return lines
  }

  /// `serve\:"Serve the sandbox API..."`, for an `((...))` action.
  private static func subcommandList(_ command: OuterCommand) -> String {
    "(" + command.subcommands.map { "\($0.words.last!)\\:\(described($0.abstract))" }.joined(separator: " ")
      + ")"
  }

  /// The `_arguments` specs of one option: `'(-x --trace)'{-x,--trace}'[...]'`.
  private static func optionSpecs(_ option: OuterOption) -> [String] {
    let exclusion: String
    if option.isHelpOrVersion {
      exclusion = "'(- *)'"
    } else if option.isRepeating {
      exclusion = "'*'"
    } else if option.names.count > 1 {
      exclusion = "'(\(option.names.joined(separator: " ")))'"
    } else {
      exclusion = ""
    }
    let names = option.names.map { name in
      guard option.value != nil else { return name }
      return name + (name.hasPrefix("--") ? "=" : "+")
    }
    let spelled = names.count > 1 ? "{" + names.joined(separator: ",") + "}" : names[0]
    var rest = "[\(bracketed(option.abstract.withoutFullStop))]"
    if let value = option.value {
      rest += ":\(value.name):\(action(value.completion))"
    }
    // One quoted word where the names allow it; `{-x,--trace}` must stay outside the quotes.
    return [
      names.count > 1
        ? exclusion + spelled + quoted(rest)
        : quoted(exclusion.trimmingCharacters(in: ["'"]) + spelled + rest)
    ]
  }

  /// The `_arguments` action that offers a value; a space for free text (a message, no candidates).
  static func action(_ completion: ValueCompletion) -> String {
    switch completion {
    case .none: " "
    case .files(let extensions) where extensions.isEmpty: "_files"
    case .files(let extensions) where extensions.count == 1: "_files -g \"*.\(extensions[0])(-.)\""
    case .files(let extensions): "_files -g \"*.(\(extensions.joined(separator: "|")))(-.)\""
    case .directories: "_files -/"
    case .choices(let choices, _) where choices.allSatisfy({ $0.summary == nil }):
      "(" + choices.map { escaped($0.value, " ():\\") }.joined(separator: " ") + ")"
    case .choices(let choices, _):
      "(("
        + choices.map { "\(escaped($0.value, " ():\\"))\\:\(described($0.summary ?? $0.value))" }.joined(
          separator: " ") + "))"
    }
  }

  /// `"text"` for the description half of an `((value\:"description"))` action.
  private static func described(_ text: String) -> String {
    "\"" + escaped(text.withoutFullStop, "\"\\$`:") + "\""
  }

  /// Text for inside `[...]`.
  private static func bracketed(_ text: String) -> String { escaped(text, "[]") }

  private static func escaped(_ text: String, _ special: String) -> String {
    String(text.flatMap { special.contains($0) ? ["\\", $0] : [$0] })
  }

  /// Single-quoted for the shell.
  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// Lines continued with `\`, the last one with `last` instead.
  private static func continued(_ items: [String], indent: String = "    ", last: String = "") -> [String] {
    items.enumerated().map { index, item in
      indent + item + (index == items.count - 1 ? last : " \\")
    }
  }
}
