/// A command's words read against its declaration without failing: positionals, options used, an
/// option waiting for its value. Completion, the history filter and trace masking share it.
struct PartialInvocation {
  let spec: CommandSpec
  /// Options already given: not offered twice.
  var usedOptions: Set<String> = []
  /// Whether `--` ended the options.
  var optionsEnded = false
  /// The positional arguments so far; nil where the value is not known.
  var positionals: [String?] = []

  /// The options still to offer.
  var remainingOptions: [OptionSpec] {
    optionsEnded ? [] : spec.options.filter { !usedOptions.contains($0.name) }
  }

  /// The argument the next positional word fills, if any.
  var nextArgument: ArgumentSpec? {
    var index = positionals.count
    for argument in spec.arguments {
      switch argument.arity {
      case .oneOrMore, .zeroOrMore:
        return argument
      case .required, .optional:
        if index == 0 { return argument }
        index -= 1
      }
    }
    return nil
  }

  /// Reads `words`; also returns an option still waiting for its value.
  static func read(_ words: ArraySlice<String?>, of spec: CommandSpec) -> (PartialInvocation, OptionSpec?) {
    var invocation = PartialInvocation(spec: spec)
    var pending: OptionSpec?
    for word in words {
      if pending != nil {
        pending = nil
        continue
      }
      guard !invocation.optionsEnded, let word, word.hasPrefix("--"), word.count > 2 else {
        if word == "--" && !invocation.optionsEnded {
          invocation.optionsEnded = true
        } else {
          invocation.positionals.append(word)
        }
        continue
      }
      let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
      guard let option = spec.option(named: name) else { continue }
      invocation.usedOptions.insert(name)
      if option.value != nil && !word.contains("=") { pending = option }
    }
    return (invocation, pending)
  }
}
