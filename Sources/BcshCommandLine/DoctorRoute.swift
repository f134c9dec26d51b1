import ArgumentParser

/// `bcsh doctor [DIR] [--verify] [--json]`: the shell's `doctor` as a command of its own, for CI
/// and pre-commit hooks. The executable runs it as the shell runs `doctor`.
public struct DoctorRoute: ParsableCommand {
  /// The word after `bcsh` that names it.
  public static let word = "doctor"

  public static let configuration = CommandConfiguration(
    commandName: "bcsh \(word)",
    abstract: "Find credential mistakes in a project folder, one a line with its file:line and fix.",
    discussion: """
      Exit status: 0 nothing found, 1 a problem found, 2 something could not be checked.
      """)

  @Flag(help: "Also check each credential found against the API (read-only).")
  public var verify = false

  @Flag(help: "Machine output: one JSON document.")
  public var json = false

  @ArgumentParser.Argument(
    help: ArgumentHelp("The project folder (default: the current one).", valueName: "DIR"),
    completion: .directory)
  public var folder: String?

  public init() {}

  /// The shell line that runs it: the folder quoted for bcsh's language.
  public var shellLine: String {
    var line = "doctor"
    if let folder {
      var quoted = "\""
      for character in folder {
        if "\"\\$".contains(character) { quoted.append("\\") }
        quoted.append(character)
      }
      line += " " + quoted + "\""
    }
    return verify ? line + " --verify" : line
  }
}
