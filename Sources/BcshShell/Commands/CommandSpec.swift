import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// One command, declared once by its type (`ShellCommand.spec`): parsing, `help`, Tab completion,
/// `--dry-run` and the history filter all read this declaration.
public struct CommandSpec: Sendable {
  public typealias Handler = @Sendable (inout CommandContext, Invocation) async throws(BcshError) -> Void

  /// The words that name it: `["token", "new"]`.
  public let words: [String]
  public let summary: String
  public let arguments: [ArgumentSpec]
  public let options: [OptionSpec]
  public let example: String
  /// Whether a line using this command with these positional words (options and their values
  /// taken out) carries a secret and so must never enter the history. nil entries are words that
  /// hold a variable.
  public let carriesSecret: @Sendable ([String?]) -> Bool
  /// What it does outside the session: the only capabilities its handler gets, and those that
  /// `--dry-run` makes inert.
  public let effects: Effects
  /// Reads an invocation into the command's type and runs it: `CommandTable` sets it for each type
  /// it lists (`handled(by:)`).
  private(set) var handler: Handler = { _, invocation throws(BcshError) in
    throw BcshError("internal error: '\(invocation.spec.name)' is not in the command table", code: .internal)
  }

  public init(
    _ words: [String], _ summary: String, arguments: [ArgumentSpec] = [], options: [OptionSpec] = [],
    example: String, carriesSecret: @escaping @Sendable ([String?]) -> Bool = { _ in false },
    effects: Effects = []
  ) {
    self.words = words
    self.summary = summary
    self.arguments = arguments
    self.options = options
    self.example = example
    self.carriesSecret = carriesSecret
    self.effects = effects
  }

  /// This declaration, run by `handler`.
  func handled(by handler: @escaping Handler) -> CommandSpec {
    var spec = self
    spec.handler = handler
    return spec
  }

  public var name: String { words.joined(separator: " ") }

  /// Whether the words after the command's name carry a secret; `carriesSecret` judges their
  /// positionals, read with this command's options in mind.
  public func carriesSecret(in words: ArraySlice<String?>) -> Bool {
    carriesSecret(PartialInvocation.read(words, of: self).0.positionals)
  }

  /// `token new NAME [--account]`.
  public var synopsis: String {
    ([name] + arguments.map(\.usage) + options.map(\.usage)).joined(separator: " ")
  }

  public func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }

  /// The arguments and option values that take one of a closed set (`FIELD`, `--format FORMAT`),
  /// with those values: `help` and the manual list them.
  public var closedSetValues: [(name: String, values: [String])] {
    let named = arguments.map { ($0.name, $0.closedSet) } + options.map { ($0.value?.name, $0.closedSet) }
    return named.compactMap { name, set in name.flatMap { name in set.map { (name, $0.values) } } }
  }
}
