import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
import Foundation
import TestSupport
import Testing

/// A shell whose session was made by running commands, and Tab pressed on lines against it.
struct CompletionHarness {
  let shell: Shell
  let engine: CompletionEngine

  /// Runs `script` (which must succeed) in a shell at `directory` with `environment`.
  init(_ script: String = "", directory: String = "/", environment: [String: String] = [:]) async {
    shell = Shell(
      environment: ShellEnvironment(
        variables: environment, currentDirectory: directory, ports: Ports(files: LocalFiles())),
      writer: CapturedOutput())
    if !script.isEmpty {
      let status = await shell.run(script: script, source: "t", path: nil)
      #expect(status == .success, "setup script failed: \(script)")
    }
    engine = CompletionEngine(shell: shell)
  }

  /// Completes `marked` at its `|`, or at its end when it has none.
  func complete(_ marked: String) -> CompletionResult {
    let (line, cursor) = Self.split(marked)
    return engine.complete(line: line, cursor: cursor)
  }

  /// The insertions offered for `marked`.
  func insertions(_ marked: String) -> [String] { complete(marked).candidates.map(\.insertion) }

  /// The line after one Tab as a line editor applies it: the only candidate (and a space when it
  /// asks for one), or the candidates' common prefix.
  func tab(_ marked: String) -> String {
    let (line, cursor) = Self.split(marked)
    let result = engine.complete(line: line, cursor: cursor)
    var inserted = result.commonPrefix
    if result.candidates.count == 1, result.candidates[0].appendsSpace { inserted += " " }
    if result.candidates.isEmpty { return line }
    let bytes = Array(line.utf8)
    let replaced = bytes[..<result.replaceStart] + Array(inserted.utf8) + bytes[result.replaceEnd...]
    return String(decoding: replaced, as: UTF8.self)
  }

  static func split(_ marked: String) -> (line: String, cursor: Int) {
    guard let bar = marked.firstIndex(of: "|") else { return (marked, marked.utf8.count) }
    let line = String(marked[..<bar]) + String(marked[marked.index(after: bar)...])
    return (line, marked[..<bar].utf8.count)
  }
}

extension TemporaryFolder {
  /// A temporary folder holding the given files (names ending in `/` are folders).
  static func holding(_ entries: [String]) throws -> TemporaryFolder {
    let folder = TemporaryFolder("completion")
    let path = folder.path
    for entry in entries {
      let full = path + "/" + entry
      if entry.hasSuffix("/") {
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
      } else {
        try FileManager.default.createDirectory(
          atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: full, contents: Data()))
      }
    }
    return folder
  }
}
