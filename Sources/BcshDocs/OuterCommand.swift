import ArgumentParser
import BcshCommandLine
import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify

/// One command of the outer command line (`bcsh`, `bcsh sandbox`, `bcsh sandbox serve`) as its
/// ArgumentParser declaration states it: what every generated document is rendered from.
public struct OuterCommand: Sendable {
  /// `["bcsh", "sandbox", "serve"]`.
  public var words: [String]
  public var abstract: String
  /// Options and flags in declaration order, then `--version` and `--help`.
  public var options: [OuterOption]
  /// The positional arguments, in order; only the last may repeat.
  public var arguments: [OuterArgument]
  public var subcommands: [OuterCommand]

  public var name: String { words.joined(separator: " ") }

  /// An identifier for shell code: `bcsh_sandbox_serve`.
  var identifier: String { words.joined(separator: "_") }

  /// Every command, this one first, then each subcommand's tree in order.
  public var all: [OuterCommand] { [self] + subcommands.flatMap(\.all) }

  /// `bcsh` with the commands its first word routes to (`sandbox`), read from the declarations.
  public static func bcsh() throws -> OuterCommand {
    var root = try OuterCommand(ToolInfo.of(Bcsh._dumpHelp()).command, parent: [])
    for route in Bcsh.routes {
      var routed = try OuterCommand(ToolInfo.of(route.command._dumpHelp()).command, parent: [])
      routed.rename(to: root.words + [route.word])
      root.subcommands.append(routed)
    }
    return root
  }

  init(_ info: CommandInfo, parent: [String]) throws {
    let words = parent + info.commandName.split(separator: " ").map(String.init)
    self.words = words
    abstract = info.abstract ?? ""
    let declared = try (info.arguments ?? []).filter(\.shouldDisplay).map(Declared.init)
    options = declared.compactMap(\.option)
    arguments = declared.compactMap(\.argument)
    // ArgumentParser adds a `help` subcommand to every tool; bcsh's `help` is `--help`.
    subcommands = try (info.subcommands ?? []).filter { $0.commandName != "help" }.map {
      try OuterCommand($0, parent: words)
    }
    if let repeating = arguments.dropLast().first(where: \.isRepeating) {
      throw DocsError(
        "\(words.joined(separator: " ")): only the last argument may repeat, not \(repeating.valueName)")
    }
  }

  private mutating func rename(to words: [String]) {
    let old = self.words.count
    self.words = words
    subcommands = subcommands.map {
      var subcommand = $0
      subcommand.rename(to: words + $0.words.dropFirst(old))
      return subcommand
    }
  }

  /// The options that take a value.
  var valuedOptions: [OuterOption] { options.filter { $0.value != nil } }

  /// `bcsh [OPTIONS] [FILE.bcsh [NAME=VALUE ...]]` where the command takes arguments, else
  /// `bcsh sandbox serve [--port N] [--host ADDR] ...` with every option.
  public var synopsis: String {
    var parts = [name]
    if arguments.isEmpty {
      for option in options where !option.isHelpOrVersion {
        parts.append("[" + option.preferredName + (option.value.map { " " + $0.name } ?? "") + "]")
      }
    } else {
      parts += ["[OPTIONS]", argumentSynopsis]
    }
    return parts.joined(separator: " ")
  }

  /// The commands a user types: those that take arguments or have no subcommands.
  public var runnable: [OuterCommand] { all.filter { !$0.arguments.isEmpty || $0.subcommands.isEmpty } }

  /// The synopses of the runnable commands as `#` comment lines, each wrapped under its command name.
  var synopsisComment: [String] {
    runnable.flatMap { command in
      TextWrapping.lines(command.synopsis, width: 104 - command.name.count).enumerated().map {
        "#   " + ($0.offset == 0 ? "" : String(repeating: " ", count: command.name.count + 1)) + $0.element
      }
    }
  }

  /// `[FILE.bcsh [NAME=VALUE ...]]`: each optional argument nests the ones after it.
  var argumentSynopsis: String {
    var text = ""
    for argument in arguments.reversed() {
      let word = argument.valueName + (argument.isRepeating ? " ..." : "")
      let inner = text.isEmpty ? word : word + " " + text
      text = argument.isOptional ? "[" + inner + "]" : inner
    }
    return text
  }
}

/// One declaration of the tool info, sorted into an option or an argument.
private struct Declared {
  var option: OuterOption?
  var argument: OuterArgument?

  init(_ info: ArgumentInfo) throws {
    let what = info.names?.first?.name ?? info.valueName ?? "?"
    let completion: ValueCompletion
    switch info.completionKind {
    case nil: completion = .none
    case .file(let extensions)?: completion = .files(extensions: extensions)
    case .directory?: completion = .directories
    case .list(let values)?:
      completion = .choices(
        values.map { .init(value: $0, summary: info.allValueDescriptions?[$0]) },
        isClosed: info.allValues == values)
    case .other(let kind)?:
      throw DocsError("'\(what)' completes with '\(kind)', which bcsh-docs cannot write into a script")
    }
    let abstract = info.abstract ?? ""
    switch info.kind {
    case .positional:
      argument = OuterArgument(
        valueName: info.valueName ?? what, completion: completion, isOptional: info.isOptional,
        isRepeating: info.isRepeating, abstract: abstract)
    case .option, .flag:
      let names = (info.names ?? []).map { ($0.kind == "long" ? "--" : "-") + $0.name }
      guard !names.isEmpty else { throw DocsError("an option with no name") }
      let value =
        info.kind == .flag
        ? nil
        : OuterValue(name: info.valueName ?? what, completion: completion, defaultValue: info.defaultValue)
      option = OuterOption(names: names, value: value, isRepeating: info.isRepeating, abstract: abstract)
    }
  }
}
