import Foundation

/// The options that the built `bcsh` prints in `--help`, which ArgumentParser renders from the same
/// declarations as bcsh-docs: what every generated document must name, no more and no less.
enum HelpOptions {
  /// `-c`, `--command`, ... of `bcsh ARGUMENTS --help`. Throws while the executable is not built
  /// (`swift build` makes it) or prints no options: there is no fixture to fall back on.
  static func of(_ arguments: [String]) throws -> Set<String> {
    let executable = Repository.debugExecutable
    guard FileManager.default.isExecutableFile(atPath: executable.path) else {
      throw HelpError("\(executable.path) is not built; run swift build first")
    }
    let help = try run(executable.path, arguments + ["--help"], timeoutSeconds: 30)
    let options = names(inHelp: help.stdout)
    guard help.status == 0, options.contains("--help"), options.count > 1 else {
      throw HelpError(
        "bcsh \((arguments + ["--help"]).joined(separator: " ")) lists no options:\n\(help.stdout)")
    }
    return options
  }

  /// The long options only.
  static func long(of arguments: [String]) throws -> Set<String> {
    try of(arguments).filter { $0.hasPrefix("--") }
  }

  /// The names that start the lines of ArgumentParser's OPTIONS section (`  -c, --command <CMDS>`);
  /// descriptions, their continuation lines and value lists are indented further.
  static func names(inHelp text: String) -> Set<String> {
    let section = text.components(separatedBy: "\nOPTIONS:\n").dropFirst().first ?? ""
    var names: Set<String> = []
    for line in section.split(separator: "\n") where line.hasPrefix("  -") {
      let column = line.dropFirst(2).components(separatedBy: "  ")[0]
      for name in column.components(separatedBy: ", ") {
        names.insert(String(name.split(separator: " ")[0]))
      }
    }
    return names
  }

  /// Every option name (`-x`, `--long-name`) that starts a line of `text`, after blanks: the
  /// headers of a rendered manual's option list.
  static func names(startingLinesOf text: Substring) -> Set<String> {
    var names: Set<String> = []
    for line in text.split(separator: "\n") {
      let trimmed = line.drop { $0 == " " }
      guard trimmed.hasPrefix("-") else { continue }
      for name in trimmed.split(separator: " ").prefix(while: { $0.hasPrefix("-") }) {
        names.insert(String(name.trimmingCharacters(in: CharacterSet(charactersIn: ","))))
      }
    }
    return names
  }
}

struct HelpError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
