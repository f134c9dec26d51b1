import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
import Foundation

/// Every document a user reads about the command line, rendered from the declarations: the outer
/// command line's (`Bcsh`, `SandboxServe`) and the shell's (`CommandTable`).
public enum GeneratedFiles {
  /// The files for the package at `root`. The completion scripts are generated whole; the man
  /// page and README keep their hand-written text around the generated blocks.
  public static func render(root: URL) throws -> [GeneratedFile] {
    let bcsh = try OuterCommand.bcsh()
    var files = [
      GeneratedFile(path: "completions/bcsh.bash", text: BashCompletionScript.render(bcsh)),
      GeneratedFile(path: "completions/_bcsh", text: ZshCompletionScript.render(bcsh)),
      GeneratedFile(path: "completions/bcsh.fish", text: FishCompletionScript.render(bcsh)),
    ]
    let blocks: [(path: String, blocks: [MarkedBlock])] = [
      (
        "man/bcsh.1",
        [
          .roff("SYNOPSIS", ManPageBlocks.synopses(bcsh)),
          .roff("OPTIONS", ManPageBlocks.options(bcsh)),
          .roff("COMMANDS", ManPageBlocks.commands(CommandTable.all)),
        ]
      ),
      (
        "README.md",
        [
          .markdown("options", ReadmeBlocks.options(bcsh)),
          .markdown("commands", ReadmeBlocks.commands(CommandTable.all)),
        ]
      ),
    ]
    for (path, marked) in blocks {
      var text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
      for block in marked { text = try block.replaced(in: text, file: path) }
      files.append(GeneratedFile(path: path, text: text))
    }
    return files
  }
}
