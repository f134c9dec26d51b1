import Foundation

/// The `bcsh` command line as the project's contract states it, kept word for word as a fixture.
///
/// The option-sync test prefers what the built executable's `--help` prints; it falls back to this text while
/// the executable does not print help yet. The completion tests check candidates against it.
enum Contract {
  static let usage = """
    bcsh [OPTIONS] [FILE.bcsh [NAME=VALUE ...]]
    bcsh sandbox serve [--port N] [--host ADDR] [--config FILE] [--latency MS] [--quota N] [--tls-cert FILE] [--tls-key FILE]
    OPTIONS:
      -c, --command CMDS        run commands and exit
      -s, --session FILE        open a session file first (session files are *.json, typically *.bcsh.json)
      -v, --var NAME=VALUE      set a variable (repeatable)
          --keep-going          a script goes on after a failed command
          --dry-run             parse and check everything; write no file, send nothing
      -x, --trace               print each command before it runs
          --json                machine output
          --no-rc               do not run the start-up script
          --no-history          do not read or write the history file
          --color WHEN          auto | always | never
          --sandbox             start the built-in sandbox API and point the session at it
          --version             print the version
      -h, --help                show help
    """

  /// The long options of `bcsh` itself (the OPTIONS block).
  static var mainOptions: Set<String> {
    let block = usage.components(separatedBy: "OPTIONS:")[1]
    return longOptions(in: block)
  }

  /// The long options of `bcsh sandbox serve`, and its `--help`.
  static var serveOptions: Set<String> {
    let line = usage.split(separator: "\n").first { $0.contains("sandbox serve") }!
    return longOptions(in: String(line)).union(["--help"])
  }

  /// The exit statuses bcsh documents.
  static let exitStatuses = ["0", "1", "2", "64", "130"]

  /// Every `--long-option` named in `text`.
  static func longOptions(in text: String) -> Set<String> {
    let pattern = try! NSRegularExpression(pattern: "(?<![A-Za-z0-9-])--[a-z][a-z0-9-]*")
    let range = NSRange(text.startIndex..., in: text)
    return Set(
      pattern.matches(in: text, range: range).map { String(text[Range($0.range, in: text)!]) })
  }
}
