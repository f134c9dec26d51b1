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

  /// What git answers about a file: yes, no, or nothing it can be taken at (git failed: a
  /// repository it refuses as of "dubious ownership", a corrupt `.git`), with git's exit status.
  public enum Answer: Sendable, Equatable {
    case yes
    case no
    case cannotTell(status: Int32)
  }

  /// Whether `path` lies in a git work tree and git would not ignore it. False when git is not
  /// installed or the folder is not in a work tree; "cannot tell" when git fails there.
  public func isTrackable(_ path: String) -> Bool { trackable(path) == .yes }

  /// Whether `path` (the file a symbolic link names, for a link: that file is the one written)
  /// lies in a git work tree and git would not ignore it; no when git is not installed or no
  /// folder above it holds `.git`.
  public func trackable(_ path: String) -> Answer {
    let path = Self.resolved(path)
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
    guard found else { return .no }
    let arguments =
      ["/usr/bin/env", "git", "-C", Paths.folder(of: path)] + Self.untrusting + [
        "check-ignore", "-q", "--", path,
      ]
    // check-ignore: 0 ignored, 1 not ignored, anything else a failure.
    switch processes.exitStatus(of: arguments, environment: Self.minimalEnvironment) {
    case nil, 127?: return .no
    case 0?: return .no
    case 1?: return .yes
    case let status?: return .cannotTell(status: status)
    }
  }

  /// ``trackable(_:)`` for a writer: true or false, or an error when git cannot tell (the caller
  /// adds where; `--force` writes anyway).
  public func wouldTrack(_ path: String) throws(BcshError) -> Bool {
    switch trackable(path) {
    case .yes: return true
    case .no: return false
    case .cannotTell(let status):
      throw BcshError(
        "git failed (exit \(status)) in \(ShownWord.quoted(Paths.folder(of: Self.resolved(path)))), so bcsh cannot "
          + "tell whether git would track \(ShownWord.quoted(Paths.fileName(of: path))), a file of credentials",
        code: .usage,
        hint: "run 'git status' there to see why (--force writes it anyway)")
    }
  }

  /// Whether git tracks `path` (it is in the index): ignoring it then changes nothing. False when
  /// git is not installed, the folder is not in a work tree, or git fails.
  public func isTracked(_ path: String) -> Bool {
    let path = Self.resolved(path)
    let arguments =
      ["/usr/bin/env", "git", "-C", Paths.folder(of: path)] + Self.untrusting + [
        "ls-files", "--error-unmatch", "--", path,
      ]
    return processes.exitStatus(of: arguments, environment: Self.minimalEnvironment) == 0
  }

  /// The file a symbolic link at `path` names, when `path` is one.
  public static func linkTarget(of path: String) -> String? {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
    return resolved(path)
  }

  /// `path` with its symbolic links resolved (the folder's, when the file does not exist yet).
  static func resolved(_ path: String) -> String {
    if let real = realpath(path, nil) {
      defer { free(real) }
      return String(cString: real)
    }
    var info = stat()
    // A link to nothing: a save refuses it; git is asked about the link itself.
    guard lstat(path, &info) != 0, let folder = realpath(Paths.folder(of: path), nil) else { return path }
    defer { free(folder) }
    let resolvedFolder = String(cString: folder)
    return (resolvedFolder == "/" ? "" : resolvedFolder) + "/" + Paths.fileName(of: path)
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
