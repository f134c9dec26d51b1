import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// One command, declared once by its type (`ShellCommand.spec`): parsing, `help`, Tab completion,
/// `--dry-run` and the history filter all read this declaration.
public struct CommandSpec: Sendable {
  public typealias Handler = @Sendable (inout CommandContext, Invocation) async throws(BcshError) -> Void
  /// A handler that never waits, called without an asynchronous call (`SynchronousCommand`).
  typealias ImmediateHandler = @Sendable (inout CommandContext, Invocation) throws(BcshError) -> Void

  /// The declaration's parts, behind one reference: every command run copies its spec (the match,
  /// its `Invocation`), and a copy now retains one object instead of seven arrays, strings and
  /// closures (BENCHMARKS.md, replay per line).
  private final class Parts: Sendable {
    let words: [String]
    let summary: String
    let arguments: [ArgumentSpec]
    let options: [OptionSpec]
    let example: String
    let carriesSecret: @Sendable ([String?]) -> Bool
    let effects: Effects
    let handler: Handler
    let immediateHandler: ImmediateHandler?

    init(
      words: [String], summary: String, arguments: [ArgumentSpec], options: [OptionSpec], example: String,
      carriesSecret: @escaping @Sendable ([String?]) -> Bool, effects: Effects, handler: @escaping Handler,
      immediateHandler: ImmediateHandler? = nil
    ) {
      self.words = words
      self.summary = summary
      self.arguments = arguments
      self.options = options
      self.example = example
      self.carriesSecret = carriesSecret
      self.effects = effects
      self.handler = handler
      self.immediateHandler = immediateHandler
    }
  }

  private let parts: Parts

  /// The words that name it: `["token", "new"]`.
  public var words: [String] { parts.words }
  public var summary: String { parts.summary }
  public var arguments: [ArgumentSpec] { parts.arguments }
  public var options: [OptionSpec] { parts.options }
  public var example: String { parts.example }
  /// Whether a line using this command with these positional words (options and their values
  /// taken out) carries a secret and so must never enter the history. nil entries are words that
  /// hold a variable.
  public var carriesSecret: @Sendable ([String?]) -> Bool { parts.carriesSecret }
  /// What it does outside the session: the only capabilities its handler gets, and those that
  /// `--dry-run` makes inert.
  public var effects: Effects { parts.effects }
  /// Reads an invocation into the command's type and runs it: `CommandTable` sets it for each type
  /// it lists (`handled(by:)`).
  var handler: Handler { parts.handler }
  /// The same work as `handler` without an asynchronous call, for a command that never waits;
  /// nil for one that may (verify, exec, source).
  var immediateHandler: ImmediateHandler? { parts.immediateHandler }

  public init(
    _ words: [String], _ summary: String, arguments: [ArgumentSpec] = [], options: [OptionSpec] = [],
    example: String, carriesSecret: @escaping @Sendable ([String?]) -> Bool = { _ in false },
    effects: Effects = []
  ) {
    parts = Parts(
      words: words, summary: summary, arguments: arguments, options: options, example: example,
      carriesSecret: carriesSecret, effects: effects,
      handler: { _, invocation throws(BcshError) in
        throw BcshError(
          "internal error: '\(invocation.spec.name)' is not in the command table", code: .internal)
      })
  }

  private init(_ parts: Parts) { self.parts = parts }

  /// This declaration, run by `handler`.
  func handled(by handler: @escaping Handler) -> CommandSpec { handled(by: handler, immediateHandler: nil) }

  /// This declaration, run by `handler` with plain calls; its asynchronous `handler` calls it too.
  func handledImmediately(by handler: @escaping ImmediateHandler) -> CommandSpec {
    handled(
      by: { context, invocation throws(BcshError) in try handler(&context, invocation) },
      immediateHandler: handler)
  }

  private func handled(by handler: @escaping Handler, immediateHandler: ImmediateHandler?) -> CommandSpec {
    CommandSpec(
      Parts(
        words: words, summary: summary, arguments: arguments, options: options, example: example,
        carriesSecret: carriesSecret, effects: effects, handler: handler, immediateHandler: immediateHandler))
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
