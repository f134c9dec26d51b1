import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

// A command's arguments and options (`RequiredArgument`, `OptionalArgument`, `RepeatedArgument`,
// `Flag`, `ValueOption`), each declared with the type its words are read as. A command type
// declares each as a static property, lists them in its `spec`, and reads them from the invocation
// by that property, here: a misspelt name does not compile.

extension Invocation {
  func read<Value>(_ argument: RequiredArgument<Value>) throws(BcshError) -> Given<Value> {
    // `Invocation` has refused a line without it.
    guard let word = try words(of: argument.spec).first else {
      throw BcshError(
        "internal error: '\(spec.name)' read \(argument.spec.name) before it was given", code: .internal)
    }
    return try Given(reading: word)
  }

  func read<Value>(_ argument: OptionalArgument<Value>) throws(BcshError) -> Given<Value>? {
    guard let word = try words(of: argument.spec).first else { return nil }
    return try Given(reading: word)
  }

  /// The word given for `argument`, for a command that reads it later (after a check that comes
  /// first).
  func word<Value>(_ argument: OptionalArgument<Value>) throws(BcshError) -> ExpandedWord? {
    try words(of: argument.spec).first
  }

  func read<Value>(_ argument: RepeatedArgument<Value>) throws(BcshError) -> [Given<Value>] {
    var values: [Given<Value>] = []
    for word in try words(of: argument.spec) { values.append(try Given(reading: word)) }
    return values
  }

  func read(_ flag: Flag) throws(BcshError) -> Bool {
    try declare(flag.spec)
    return self.flag(flag.spec.name)
  }

  func read<Value>(_ option: ValueOption<Value>) throws(BcshError) -> Given<Value>? {
    try declare(option.spec)
    guard let word = self.option(option.spec.name) else { return nil }
    return try Given(reading: word)
  }

  /// A required option's value: `Invocation` has refused a line without it.
  func read<Value>(required option: ValueOption<Value>) throws(BcshError) -> Given<Value> {
    guard let value = try read(option) else {
      throw BcshError(
        "internal error: '\(spec.name)' read \(option.spec.name) before it was given", code: .internal)
    }
    return value
  }

  func read<Value>(_ option: RepeatedOption<Value>) throws(BcshError) -> [Given<Value>] {
    try declare(option.spec)
    var values: [Given<Value>] = []
    for word in optionValues(option.spec.name) { values.append(try Given(reading: word)) }
    return values
  }

  // Reading what the command's spec does not list is a mistake in bcsh, not in the input: it
  // would read nothing, always. It fails loudly instead.

  private func words(of argument: ArgumentSpec) throws(BcshError) -> [ExpandedWord] {
    guard spec.arguments.contains(where: { $0.name == argument.name }) else {
      throw BcshError("internal error: '\(spec.name)' does not declare \(argument.name)", code: .internal)
    }
    return arguments(argument.name)
  }

  private func declare(_ option: OptionSpec) throws(BcshError) {
    guard spec.option(named: option.name) != nil else {
      throw BcshError("internal error: '\(spec.name)' does not declare \(option.name)", code: .internal)
    }
  }
}
