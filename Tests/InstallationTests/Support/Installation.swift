import Foundation

/// The files scripts/install puts under a prefix, relative to it.
enum Installation {
  static let files = [
    "bin/bcsh",
    "libexec/bcsh/bcsh-net",
    "share/bash-completion/completions/bcsh",
    "share/zsh/site-functions/_bcsh",
    "share/fish/vendor_completions.d/bcsh.fish",
    "share/man/man1/bcsh.1",
  ]

  static let installScript = Repository.file("scripts/install")
  static let uninstallScript = Repository.file("scripts/uninstall")

  /// Every file (and symbolic link) under `folder`, relative to it.
  static func files(under folder: URL) -> [String] {
    let base = folder.resolvingSymlinksInPath().path
    guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
    var found: [String] = []
    while let path = walker.nextObject() as? String {
      var isFolder: ObjCBool = false
      let full = base + "/" + path
      let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) != nil
      if isLink
        || (FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) && !isFolder.boolValue)
      {
        found.append(path)
      }
    }
    return found.sorted()
  }
}
