import Foundation
import TestSupport

/// A sealed place to run bcsh in, like psql's tab-completion test: its own HOME, history file,
/// empty `EDITRC`, fixed `TERM` and UTF-8 locale; nothing from the person running the tests leaks
/// in. Removed when dropped.
final class SealedHome {
  private let temporary = TemporaryFolder("terminal")
  var root: String { temporary.path }
  var home: String { root + "/home" }
  /// The history file, in folders that do not exist yet.
  var historyFile: String { root + "/state/deep/bcsh/history" }
  var editrc: String { root + "/editrc" }
  var startupScript: String { root + "/bcshrc" }
  var work: String { root + "/work" }

  init() throws {
    for folder in [home, work] {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    try "".write(toFile: editrc, atomically: true, encoding: .utf8)
  }

  var environment: [String: String] {
    [
      "HOME": home, "TERM": "xterm", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
      "PATH": "/usr/bin:/bin", "EDITRC": editrc, "BCSH_HISTFILE": historyFile,
      "BCSH_RC": startupScript, "XDG_STATE_HOME": root + "/state", "XDG_CONFIG_HOME": root + "/config",
      "NO_COLOR": "1",
    ]
  }

  /// Starts bcsh interactively (`--no-rc` unless `rc`), and waits for its first prompt.
  func start(_ arguments: [String] = [], rc: Bool = false, environment extra: [String: String] = [:])
    throws -> PseudoTerminal
  {
    let terminal = try PseudoTerminal(
      executable: PackagePaths.bcsh, arguments: (rc ? [] : ["--no-rc"]) + arguments,
      environment: environment.merging(extra) { $1 }, directory: work)
    try terminal.expectPrompt()
    return terminal
  }

  /// Starts bcsh, makes a current token `demo-store` (store abc123) that holds an access token and
  /// sends its requests to `apiBase`, and waits for its prompt: where each verify test starts.
  /// `scopes`: declared on it too.
  func startWithAToken(apiBase: String, scopes: [String] = []) throws -> PseudoTerminal {
    let terminal = try start(environment: ["BCSH_API_BASE": apiBase, "T": "k3jd8f0s9d8f7g6h5j4k3l2m1n0p9q8"])
    let declaring = scopes.isEmpty ? "" : "; scope add " + scopes.joined(separator: " ")
    terminal.send("token new demo-store; path set abc123; token set access-token --env T\(declaring)\r")
    try terminal.expectPrompt("bcsh(demo-store)*> ")
    return terminal
  }
}
