import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import FoundationEssentials

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Real paths for a file argument, listed from the shell's current directory.
enum FileCandidates {
  /// The entries of the folder `typed` names (relative to `context.currentDirectory`, `~` from
  /// `HOME`) whose names start with what follows its last `/`. Folders are always offered, with a
  /// `/` and no space after; files only with the role's endings, unless that leaves nothing at
  /// all. Hidden entries only when the name typed starts with `.`.
  static func paths(typed: String, role: FileRole, context: CompletionContext) -> [Suggestion] {
    if typed == "~" { return [Suggestion("~/", isComplete: false)] }
    let slash = typed.lastIndex(of: "/")
    let folderPart = slash.map { String(typed[...$0]) } ?? ""
    let namePrefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
    let folder =
      folderPart.isEmpty
      ? context.currentDirectory
      : Paths.resolve(folderPart, against: context.currentDirectory, home: context.home)
    let files = FileManager.default
    guard let names = try? files.contentsOfDirectory(atPath: folder) else { return [] }
    let showsHidden = namePrefix.hasPrefix(".")
    var offered: [Suggestion] = []
    var otherFiles: [Suggestion] = []
    for name in names.sorted()
    where name.hasPrefix(namePrefix) && (showsHidden || !name.hasPrefix("."))
      && !name.contains(where: \.isNewline)
    {
      var info = stat()
      let found = stat((folder.hasSuffix("/") ? folder : folder + "/") + name, &info) == 0
      if found && info.st_mode & S_IFMT == S_IFDIR {
        offered.append(Suggestion(folderPart + name + "/", display: name + "/", isComplete: false))
      } else if role == .folder {
        continue
      } else if role.extensions.isEmpty || role.extensions.contains(where: { name.hasSuffix($0) }) {
        offered.append(Suggestion(folderPart + name, display: name))
      } else {
        otherFiles.append(Suggestion(folderPart + name, display: name))
      }
    }
    return offered.isEmpty && role != .folder ? otherFiles : offered
  }
}
