/// How the completion scripts follow a command line word by word, the same in every shell: a
/// command's own state (its options, its first argument, its subcommands), `COMMAND:N` once the
/// next word is its argument N (after `--`, or after the arguments before it), and `done`.
extension OuterCommand {
  /// The state of this command's options.
  var state: String { identifier }

  /// The state in which the next word is argument `index`, or `done` past the last one (the last
  /// argument, when it repeats, takes every word after it).
  func argumentState(_ index: Int) -> String {
    if index < arguments.count { return "\(identifier):\(index)" }
    if let last = arguments.last, last.isRepeating { return "\(identifier):\(arguments.count - 1)" }
    return "done"
  }

  /// The argument states this command has, with the argument each completes.
  var argumentStates: [(state: String, index: Int)] {
    arguments.indices.map { (argumentState($0), $0) }
  }

  /// What a plain word (neither an option nor a subcommand) leads to from this command's state.
  var stateAfterFirstArgument: String { argumentState(1) }

  /// Where `--` leads: the first argument, with no more options.
  var stateAfterTerminator: String { arguments.isEmpty ? "done" : argumentState(0) }

  /// The options' names, flags and valued ones, as the shell's option word list.
  var optionWords: [String] { options.flatMap(\.names) }

  /// The names of the options that take a value.
  var valuedOptionWords: [String] { valuedOptions.flatMap(\.names) }
}

extension String {
  /// Without a final full stop, for the one-line descriptions shells show beside a candidate.
  var withoutFullStop: String { hasSuffix(".") ? String(dropLast()) : self }
}
