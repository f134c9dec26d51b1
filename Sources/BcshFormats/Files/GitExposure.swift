import BcshModel
import BcshPorts
import FoundationEssentials

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Notices credentials files about to be written into a git work tree that does not ignore them.
public struct GitExposure {
  /// Where git runs.
  public var processes: any ProcessRunning

  public init(processes: any ProcessRunning) { self.processes = processes }

  /// Whether `path` lies in a git work tree and git would not ignore it. False when git is not
  /// installed or the folder is not in a work tree.
  public func isTrackable(_ path: String) -> Bool {
    var folder = Paths.folder(of: path)
    var found = false
    for _ in 0..<64 {
      if FileManager.default.fileExists(atPath: folder + "/.git") {
        found = true
        break
      }
      if folder == "/" || folder.isEmpty || folder == "." { break }
      folder = Paths.folder(of: folder)
    }
    guard found else { return false }
    let arguments =
      ["/usr/bin/env", "git", "-C", Paths.folder(of: path)] + Self.untrusting + [
        "check-ignore", "-q", "--", path,
      ]
    return processes.exitStatus(of: arguments, environment: Self.minimalEnvironment) == 1
  }

  /// Whether git tracks `path` (it is in the index): ignoring it then changes nothing. False when
  /// git is not installed or the folder is not in a work tree.
  public func isTracked(_ path: String) -> Bool {
    let arguments =
      ["/usr/bin/env", "git", "-C", Paths.folder(of: path)] + Self.untrusting + [
        "ls-files", "--error-unmatch", "--", path,
      ]
    return processes.exitStatus(of: arguments, environment: Self.minimalEnvironment) == 0
  }

  /// Options that keep a repository's own config from running programs: the folder may be anyone's
  /// clone, and its `.git/config` may name an fsmonitor, hooks, a pager or an editor. Config on the
  /// command line wins over every file. The system and global config stay read: they are the
  /// machine's and the user's, not the repository's, and the user's global excludes file is part of
  /// what git ignores.
  static let untrusting = [
    "--no-pager", "-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "core.pager=cat",
    "-c", "core.untrackedCache=false", "-c", "core.editor=false", "-c", "core.sshCommand=false",
    "-c", "core.askPass=", "-c", "credential.helper=", "-c", "diff.external=", "-c", "protocol.allow=never",
  ]

  /// The environment git runs in: the user's home and config folder (for the global excludes
  /// file) and PATH, nothing else (no `GIT_DIR`, `GIT_CONFIG_*` or `GIT_EXTERNAL_DIFF` that could
  /// send it elsewhere), with optional locks off so that it never writes the index (which would run
  /// the `post-index-change` hook) and no prompt.
  static var minimalEnvironment: [String] {
    var variables = ["GIT_OPTIONAL_LOCKS=0", "GIT_TERMINAL_PROMPT=0", "GIT_NO_REPLACE_OBJECTS=1", "LC_ALL=C"]
    for name in ["PATH", "HOME", "XDG_CONFIG_HOME"] {
      if let value = getenv(name) { variables.append("\(name)=\(String(cString: value))") }
    }
    return variables
  }
}
