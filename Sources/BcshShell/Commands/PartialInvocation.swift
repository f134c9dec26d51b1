import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// A command's words read against its declaration without failing (`OptionReader`'s reading,
/// nothing refused): positionals, options used, an option waiting for its value. Completion, the
/// history filter and trace masking share it.
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
    var reader = OptionReader(words, of: spec) { $0 }
    while let reading = reader.next() {
      switch reading {
      case .positional(let word):
        invocation.positionals.append(word)
      case .endOfOptions, .unknownOption:
        continue
      case .option(let option, _, let value):
        invocation.usedOptions.insert(option.name)
        if case .missing = value { pending = option }
      }
    }
    invocation.optionsEnded = reader.optionsEnded
    return (invocation, pending)
  }
}
