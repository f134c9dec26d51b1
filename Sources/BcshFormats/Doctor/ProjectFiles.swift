import BcshModel
import BcshPorts

/// The files of a project folder where credentials may be: walked through the `FileReading` port,
/// bounded in depth, count and size, never following a symbolic link, skipping `.git`,
/// `node_modules` and `.build`.
public struct ProjectFiles {
  /// A file found: its path, how it is shown (relative to the folder given), and its mode.
  public struct Found: Sendable, Equatable {
    public var path: String
    public var shown: String
    public var name: String
    public var permissions: Int
    /// A stencil secrets file of another name, which a `config.stencil.json` names.
    public var isStencilSecrets = false
  }

  public static let skippedFolders: Set<String> = [".git", "node_modules", ".build"]
  public static let maximumDepth = 8
  public static let maximumEntries = 20_000
  /// Files larger than this are no credential file.
  public static let maximumSize: Int64 = 1 << 20

  /// Whether a file of this name may hold credentials doctor reads.
  public static func isCandidate(_ name: String) -> Bool {
    name.hasPrefix(".env") || name == StencilProject.configFileName || name == StencilProject.secretsFileName
      || name == ".stencil" || name == CatalystConfigFile.fileName || name.hasSuffix(".bcsh.json")
      || name.hasSuffix(".txt")
  }

  /// The candidate files under `root` (shown as `shownRoot`), and what was left unwalked.
  public static func walk(_ root: String, shownAs shownRoot: String, files: any FileReading) throws(BcshError)
    -> (found: [Found], unchecked: [String])
  {
    var found: [Found] = []
    var unchecked: [String] = []
    var queue: [(path: String, shown: String, depth: Int)] = [(root, shownRoot, 0)]
    var seen = 0
    var index = 0
    while index < queue.count {
      let (folder, shownFolder, depth) = queue[index]
      index += 1
      let entries: [FolderEntry]
      do throws(BcshError) {
        entries = try files.list(folder)
      } catch {
        if index == 1 { throw error }
        unchecked.append("\(shownFolder): \(error.message)")
        continue
      }
      for entry in entries.sorted(by: { $0.name < $1.name }) {
        seen += 1
        guard seen <= maximumEntries else {
          unchecked.append("\(shownFolder): more than \(maximumEntries) entries; the rest was not looked at")
          return (found, unchecked)
        }
        let path = folder + "/" + entry.name
        let shown = shownFolder == "." ? entry.name : shownFolder + "/" + entry.name
        switch entry.kind {
        case .folder where !skippedFolders.contains(entry.name):
          if depth + 1 < maximumDepth {
            queue.append((path, shown, depth + 1))
          } else {
            unchecked.append("\(shown): deeper than \(maximumDepth) folders; not looked into")
          }
        case .file where isCandidate(entry.name) && entry.size <= maximumSize:
          found.append(Found(path: path, shown: shown, name: entry.name, permissions: entry.permissions))
        // A `.txt` file is mostly not a credentials file: a large one is passed over. Any other
        // candidate too large to read may hold a secret all the same.
        case .file where isCandidate(entry.name) && !entry.name.hasSuffix(".txt"):
          unchecked.append("\(shown): larger than \(maximumSize >> 20) MiB; not read")
        default:
          break
        }
      }
    }
    return (found, unchecked)
  }
}
