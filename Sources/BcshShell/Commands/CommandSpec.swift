import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// What an argument or an option's value is, so that parsing, help and Tab completion agree.
public enum ArgumentKind: Sendable, Equatable {
  /// An existing token's name.
  case tokenName
  /// A name for a new token (nothing to complete).
  case newTokenName
  /// `SCOPE[=LEVEL]` from the catalog, for the current token's kind.
  case scopeGrant
  /// A scope the current token declares.
  case declaredScope
  /// A scope to describe (`scope info`): any spelling `scope add` takes, of either kind, or
  /// `default`/`webhooks` for the implicit scope.
  case scopeTopic
  /// `METHOD PATH` pairs (`scope need`): methods, then paths from the endpoint catalog.
  case request
  /// A preset name or a file of requests (`verify --for`).
  case coverageTarget
  case preset
  case credentialField
  case file(FileRole)
  /// `session`, `txt` or `env`.
  case saveFormat
  case variableName
  case apiPath
  /// `declared`, `all` or `none`.
  case scopeSelection
  case number
  /// A command name, for `help`.
  case command
  case text
}

/// Which files a path argument wants, for completion.
public enum FileRole: Sendable, Equatable {
  case script
  case session
  case credentials
  case any

  /// File name endings offered first; folders are always offered.
  public var extensions: [String] {
    switch self {
    case .script: [".bcsh"]
    case .session: [".json"]
    case .credentials: [".txt"]
    case .any: []
    }
  }
}

/// A positional argument of a command.
public struct ArgumentSpec: Sendable {
  public enum Arity: Sendable { case required, optional, oneOrMore, zeroOrMore }

  public let name: String
  public let kind: ArgumentKind
  public let arity: Arity
  /// The values it takes, when they are a closed set (`FIELD`).
  public let closedSet: ClosedSet?

  public init(_ name: String, _ kind: ArgumentKind, _ arity: Arity = .required, closedSet: ClosedSet? = nil) {
    self.name = name
    self.kind = kind
    self.arity = arity
    self.closedSet = closedSet
  }

  var usage: String {
    switch arity {
    case .required: name
    case .optional: "[\(name)]"
    case .oneOrMore: "\(name) ..."
    case .zeroOrMore: "[\(name) ...]"
    }
  }
}

/// An option such as `--account` (a flag) or `--format FORMAT` (with a value).
public struct OptionSpec: Sendable {
  public let name: String
  public let value: (name: String, kind: ArgumentKind)?
  public let summary: String
  /// The values its value takes, when they are a closed set (`--format FORMAT`).
  public let closedSet: ClosedSet?

  public init(
    _ name: String, value: (name: String, kind: ArgumentKind)? = nil, _ summary: String,
    closedSet: ClosedSet? = nil
  ) {
    self.name = name
    self.value = value
    self.summary = summary
    self.closedSet = closedSet
  }

  var usage: String { value.map { "[\(name) \($0.name)]" } ?? "[\(name)]" }
}

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
