import BcshDocs
import Foundation

// Writes every generated document (the completion scripts, the manual's generated blocks,
// README's tables) into the package whose root is the current folder, and names those it changed.
// scripts/generate-docs runs it; DocsTests fails while a committed file differs from what it writes.
let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
do {
  for file in try GeneratedFiles.render(root: root) {
    let url = root.appendingPathComponent(file.path)
    let old = try? String(contentsOf: url, encoding: .utf8)
    guard old != file.text else { continue }
    try Data(file.text.utf8).write(to: url, options: .atomic)
    print("bcsh-docs: wrote \(file.path)")
  }
} catch {
  FileHandle.standardError.write(Data("bcsh-docs: \(error)\n".utf8))
  exit(1)
}
