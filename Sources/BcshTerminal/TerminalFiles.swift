import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify

/// Where the interactive shell keeps its files (README, "Running bcsh"): history under
/// `$XDG_STATE_HOME/bcsh/`, the start-up script under `$XDG_CONFIG_HOME/bcsh/`; never the current folder.
public enum TerminalFiles {
  /// `BCSH_HISTFILE` (a relative one from `currentDirectory`), else `$XDG_STATE_HOME/bcsh/history`,
  /// else `~/.local/state/bcsh/history`.
  public static func historyFile(_ environment: [String: String], currentDirectory: String) -> String? {
    if let file = environment["BCSH_HISTFILE"], !file.isEmpty {
      return Paths.resolve(file, against: currentDirectory, home: environment["HOME"])
    }
    return base(environment, "XDG_STATE_HOME", fallback: ".local/state").map { $0 + "/bcsh/history" }
  }

  /// `BCSH_RC`, else `$XDG_CONFIG_HOME/bcsh/bcshrc`, else `~/.config/bcsh/bcshrc`.
  public static func startupScript(_ environment: [String: String]) -> String? {
    if let file = environment["BCSH_RC"], !file.isEmpty { return file }
    return base(environment, "XDG_CONFIG_HOME", fallback: ".config").map { $0 + "/bcsh/bcshrc" }
  }

  /// An XDG base folder: the variable when it holds an absolute path, else `$HOME/fallback`.
  private static func base(_ environment: [String: String], _ variable: String, fallback: String) -> String? {
    if let value = environment[variable], value.hasPrefix("/") { return value }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return home + "/" + fallback
  }
}
