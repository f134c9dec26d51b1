import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// A command's words matched against its declaration: positional arguments by name, options.
public struct Invocation: Sendable {
  public let spec: CommandSpec
  /// Where the command's first word is.
  public let position: SourcePosition
  private let positionals: [String: [ExpandedWord]]
  /// Each option's values in the order given: one, except for a repeatable option.
  private let options: [String: [ExpandedWord]]

  // The words given for each name the spec declares. A command reads them typed, through its
  // declarations (`CommandArguments.swift`).

  /// The positional argument called `name` (its first value).
  func argument(_ name: String) -> ExpandedWord? { positionals[name]?.first }

  /// Every value of a repeated positional argument.
  func arguments(_ name: String) -> [ExpandedWord] { positionals[name] ?? [] }

  /// Whether the option `name` was given (a flag, or an option with a value).
  func flag(_ name: String) -> Bool { options[name] != nil }

  /// The value of the option `name`, when it was given.
  func option(_ name: String) -> ExpandedWord? { options[name]?.first }

  /// Every value of a repeatable option, in the order given.
  func optionValues(_ name: String) -> [ExpandedWord] { options[name] ?? [] }

  /// Matches `words` (after the command's own words) against `spec`: `OptionReader`'s reading,
  /// refusing what it reads wrong (an unknown option, one given twice, a missing value), then
  /// the positionals assigned and every closed-set value checked (before `-x` shows the line, as
  /// any word the declaration alone refuses).
  public init(spec: CommandSpec, position: SourcePosition, words: [ExpandedWord]) throws(BcshError) {
    self.spec = spec
    self.position = position
    var values: [ExpandedWord] = []
    var options: [String: [ExpandedWord]] = [:]
    var reader = OptionReader(words, of: spec) { Optional($0.value) }
    while let reading = reader.next() {
      switch reading {
      case .positional(let word):
        values.append(word)
      case .endOfOptions:
        continue
      case .unknownOption(let name, let word):
        let known = spec.options.map(\.name)
        let guess = Spelling.suggestion(for: name, among: known)
        throw BcshError(
          "unknown option \(ShownWord.quoted(name)) for '\(spec.name)'", code: .unknownName,
          hint: guess.map { "did you mean '\($0)'?" }
            ?? (known.isEmpty
              ? "'\(spec.name)' takes no options" : "options: \(known.joined(separator: ", "))"),
          at: word.position)
      case .option(let option, let word, let value):
        let name = option.name
        guard options[name] == nil || option.repeatable else {
          throw BcshError("option '\(name)' given twice", code: .usage, at: word.position)
        }
        switch value {
        case .flag:
          options[name, default: []].append(ExpandedWord("", at: word.position))
        case .inline(let text):
          guard option.value != nil else {
            throw BcshError("option '\(name)' takes no value", code: .usage, at: word.position)
          }
          options[name, default: []].append(ExpandedWord(text, at: word.position))
        case .following(let argument):
          options[name, default: []].append(argument)
        case .missing:
          throw BcshError(
            "option '\(name)' needs a value (\(option.value?.name ?? "VALUE"))", code: .usage,
            at: word.position)
        }
      }
    }
    self.options = options
    self.positionals = try Invocation.assign(values, to: spec, at: position)
    if let missing = spec.options.first(where: { $0.required && options[$0.name] == nil }) {
      throw BcshError(
        "'\(spec.name)' needs \(missing.name)\(missing.value.map { " \($0.name)" } ?? ""): \(missing.summary)",
        code: .usage, hint: "usage: \(spec.synopsis)", at: position)
    }
    for argument in spec.arguments {
      for value in positionals[argument.name] ?? [] { try argument.closedSet?.check(value) }
    }
    for option in spec.options {
      for value in options[option.name] ?? [] { try option.closedSet?.check(value) }
    }
  }

  private static func assign(_ values: [ExpandedWord], to spec: CommandSpec, at position: SourcePosition)
    throws(BcshError) -> [String: [ExpandedWord]]
  {
    var result: [String: [ExpandedWord]] = [:]
    var remaining = values[...]
    for (index, argument) in spec.arguments.enumerated() {
      let laterRequired = spec.arguments[(index + 1)...].filter { $0.arity == .required }.count
      switch argument.arity {
      case .required:
        guard let value = remaining.popFirst() else {
          throw BcshError(
            "missing \(argument.name) for '\(spec.name)'", code: .usage, hint: "usage: \(spec.synopsis)",
            at: position)
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
            "missing \(argument.name) for '\(spec.name)'", code: .usage, hint: "usage: \(spec.synopsis)",
            at: position)
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
        code: .usage,
        hint: "usage: \(spec.synopsis)", at: extra.position)
    }
    return result
  }
}
