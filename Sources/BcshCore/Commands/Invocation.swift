/// A command's words matched against its declaration: positional arguments by name, options.
public struct Invocation: Sendable {
  public let spec: CommandSpec
  /// Where the command's first word is.
  public let position: SourcePosition
  private let positionals: [String: [Argument]]
  private let options: [String: Argument]

  /// The positional argument called `name` (its first value).
  public func argument(_ name: String) -> Argument? { positionals[name]?.first }

  /// Every value of a repeated positional argument.
  public func arguments(_ name: String) -> [Argument] { positionals[name] ?? [] }

  public func flag(_ name: String) -> Bool { options[name] != nil }

  public func option(_ name: String) -> Argument? { options[name] }

  /// Matches `words` (after the command's own words) against `spec`. Options may stand anywhere;
  /// `--name=value` and `--name value` both work; `--` ends options.
  public init(spec: CommandSpec, position: SourcePosition, words: [Argument]) throws(BcshError) {
    self.spec = spec
    self.position = position
    var values: [Argument] = []
    var options: [String: Argument] = [:]
    var index = 0
    var optionsEnded = false
    while index < words.count {
      let word = words[index]
      index += 1
      guard !optionsEnded, word.value.hasPrefix("--"), word.value.count > 2 else {
        if word.value == "--" && !optionsEnded {
          optionsEnded = true
        } else {
          values.append(word)
        }
        continue
      }
      var name = word.value
      var inlineValue: String?
      if let equals = name.firstIndex(of: "=") {
        inlineValue = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      guard let option = spec.option(named: name) else {
        let known = spec.options.map(\.name)
        let guess = Spelling.suggestion(for: name, among: known)
        throw BcshError(
          "unknown option \(ShownWord.quoted(name)) for '\(spec.name)'",
          hint: guess.map { "did you mean '\($0)'?" }
            ?? (known.isEmpty
              ? "'\(spec.name)' takes no options" : "options: \(known.joined(separator: ", "))"),
          at: word.position)
      }
      guard options[name] == nil else {
        throw BcshError("option '\(name)' given twice", at: word.position)
      }
      if let value = option.value {
        if let inlineValue {
          options[name] = Argument(inlineValue, at: word.position)
        } else if index < words.count {
          options[name] = words[index]
          index += 1
        } else {
          throw BcshError("option '\(name)' needs a value (\(value.name))", at: word.position)
        }
      } else {
        guard inlineValue == nil else {
          throw BcshError("option '\(name)' takes no value", at: word.position)
        }
        options[name] = Argument("", at: word.position)
      }
    }
    self.options = options
    self.positionals = try Invocation.assign(values, to: spec, at: position)
    for argument in spec.arguments {
      for value in positionals[argument.name] ?? [] { try argument.kind.check(value) }
    }
    for option in spec.options {
      if let kind = option.value?.kind, let value = options[option.name] { try kind.check(value) }
    }
  }

  private static func assign(_ values: [Argument], to spec: CommandSpec, at position: SourcePosition)
    throws(BcshError) -> [String: [Argument]]
  {
    var result: [String: [Argument]] = [:]
    var remaining = values[...]
    for (index, argument) in spec.arguments.enumerated() {
      let laterRequired = spec.arguments[(index + 1)...].filter { $0.arity == .required }.count
      switch argument.arity {
      case .required:
        guard let value = remaining.popFirst() else {
          throw BcshError(
            "missing \(argument.name) for '\(spec.name)'", hint: "usage: \(spec.synopsis)", at: position)
        }
        result[argument.name] = [value]
      case .optional:
        if remaining.count > laterRequired, let value = remaining.popFirst() {
          result[argument.name] = [value]
        }
      case .oneOrMore, .zeroOrMore:
        let take = max(0, remaining.count - laterRequired)
        if argument.arity == .oneOrMore && take == 0 {
          throw BcshError(
            "missing \(argument.name) for '\(spec.name)'", hint: "usage: \(spec.synopsis)", at: position)
        }
        result[argument.name] = Array(remaining.prefix(take))
        remaining = remaining.dropFirst(take)
      }
    }
    if let extra = remaining.first {
      // `token set client-secret PART1 PART2`: a word beside a secret may be part of it.
      let besideSecret = spec.carriesSecret(values.map { Optional($0.value) })
      throw BcshError(
        "unexpected argument \(ShownWord.quoted(extra.value, mayBeSecret: besideSecret)) for '\(spec.name)'",
        hint: "usage: \(spec.synopsis)", at: extra.position)
    }
    return result
  }
}
