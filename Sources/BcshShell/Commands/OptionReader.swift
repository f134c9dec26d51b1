import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// Reads a command's words against its declared options, one word at a time: the one reading
/// that `Invocation` (strict) and `PartialInvocation` (tolerant) are built on, so that parsing,
/// completion and the history filter never disagree on which word is an option's value.
///
/// Options may stand anywhere; `--name=value` and `--name value` both work; `--` ends options.
/// `text` gives a word's text, or nil when it is not known (a variable, for the history filter):
/// such a word is a positional.
struct OptionReader<Words: Collection>: IteratorProtocol {
  /// What one word (or an option and the word after it) is.
  enum Reading {
    case positional(Words.Element)
    /// The first `--`: every later word is a positional.
    case endOfOptions
    /// `--name` that the command does not declare.
    case unknownOption(name: String, word: Words.Element)
    /// A declared option, given by `word`.
    case option(OptionSpec, word: Words.Element, value: Value)
  }

  /// An option's value as written.
  enum Value {
    /// `--name`, a flag.
    case flag
    /// `--name=VALUE`.
    case inline(String)
    /// `--name VALUE`.
    case following(Words.Element)
    /// `--name` that takes a value, as the last word.
    case missing
  }

  private let words: Words
  private let spec: CommandSpec
  private let text: (Words.Element) -> String?
  private var index: Words.Index
  /// Whether `--` ended the options.
  private(set) var optionsEnded = false

  init(_ words: Words, of spec: CommandSpec, text: @escaping (Words.Element) -> String?) {
    self.words = words
    self.spec = spec
    self.text = text
    self.index = words.startIndex
  }

  mutating func next() -> Reading? {
    guard index < words.endIndex else { return nil }
    let word = words[index]
    words.formIndex(after: &index)
    let value = text(word)
    guard !optionsEnded, let value, value.hasPrefix("--"), value.count > 2 else {
      if value == "--" && !optionsEnded {
        optionsEnded = true
        return .endOfOptions
      }
      return .positional(word)
    }
    var name = value
    var inline: String?
    if let equals = value.firstIndex(of: "=") {
      inline = String(value[value.index(after: equals)...])
      name = String(value[..<equals])
    }
    guard let option = spec.option(named: name) else { return .unknownOption(name: name, word: word) }
    if let inline { return .option(option, word: word, value: .inline(inline)) }
    guard option.value != nil else { return .option(option, word: word, value: .flag) }
    guard index < words.endIndex else { return .option(option, word: word, value: .missing) }
    let following = words[index]
    words.formIndex(after: &index)
    return .option(option, word: word, value: .following(following))
  }
}
