import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// A command's words matched against its declaration: positional arguments by name, options.
public struct Invocation: Sendable {
  public let spec: CommandSpec
  /// Where the command's first word is.
  public let position: SourcePosition
  private let positionals: NamedWords
  /// Each option's values in the order given: one, except for a repeatable option.
  private let options: NamedWords

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
    try self.init(spec: spec, position: position, words: words[...])
  }

  /// Matches `words` as the array form does, from a slice of a line's words (no copy of them).
  public init(spec: CommandSpec, position: SourcePosition, words: ArraySlice<ExpandedWord>) throws(BcshError)
  {
    self.spec = spec
    self.position = position
    var values: [ExpandedWord] = []
    var options = NamedWords()
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
          options.append(ExpandedWord("", at: word.position), to: name)
        case .inline(let text):
          guard option.value != nil else {
            throw BcshError("option '\(name)' takes no value", code: .usage, at: word.position)
          }
          options.append(ExpandedWord(text, at: word.position), to: name)
        case .following(let argument):
          options.append(argument, to: name)
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
    throws(BcshError) -> NamedWords
  {
    var result = NamedWords()
    var remaining = values[...]
    for (index, argument) in spec.arguments.enumerated() {
      var laterRequired = 0
      for later in spec.arguments[(index + 1)...] where later.arity == .required { laterRequired += 1 }
      switch argument.arity {
      case .required:
        guard let value = remaining.popFirst() else {
          throw BcshError(
            "missing \(argument.name) for '\(spec.name)'", code: .usage, hint: "usage: \(spec.synopsis)",
            at: position)
        }
        result.set([value], for: argument.name)
      case .optional:
        if remaining.count > laterRequired, let value = remaining.popFirst() {
          result.set([value], for: argument.name)
        }
      case .oneOrMore, .zeroOrMore:
        let take = max(0, remaining.count - laterRequired)
        if argument.arity == .oneOrMore && take == 0 {
          throw BcshError(
            "missing \(argument.name) for '\(spec.name)'", code: .usage, hint: "usage: \(spec.synopsis)",
            at: position)
        }
        result.set(Array(remaining.prefix(take)), for: argument.name)
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

/// Words by the name of the argument or option they were given for. A command has a handful of
/// names, so a list searched in order is cheaper than a dictionary (hashing, one allocation per
/// command: a replayed script matches one command a line).
private struct NamedWords: Sendable {
  private var entries: [(name: String, words: [ExpandedWord])] = []

  subscript(name: String) -> [ExpandedWord]? { entries.first { $0.name == name }?.words }

  mutating func append(_ word: ExpandedWord, to name: String) {
    if let index = entries.firstIndex(where: { $0.name == name }) {
      entries[index].words.append(word)
    } else {
      entries.append((name, [word]))
    }
  }

  /// Gives `name` these words, replacing any it had.
  mutating func set(_ words: [ExpandedWord], for name: String) {
    if let index = entries.firstIndex(where: { $0.name == name }) {
      entries[index].words = words
    } else {
      entries.append((name, words))
    }
  }
}
