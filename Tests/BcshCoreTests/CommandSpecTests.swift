import Foundation
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// The command table keeps its promises: each command's example is a valid use of that command.
@Suite struct CommandSpecTests {
  @Test(arguments: CommandTable.all.map(\.example))
  func theExampleParsesAsItsOwnCommand(example: String) throws {
    var lexer = Lexer(example, source: "example")
    let commands = try lexer.commands()
    #expect(commands.count == 1, "\(example)")
    let command = try #require(commands.first)
    // Examples use no variables, so every word is literal.
    let words = command.words.map { Argument($0.literal ?? "", at: $0.position) }
    let (spec, consumed) = try CommandTable.match(words, at: command.position)
    #expect(example.hasPrefix(spec.name), "\(example) is an example of '\(spec.name)'")
    _ = try Invocation(spec: spec, position: command.position, words: Array(words.dropFirst(consumed)))
  }

  /// Every name a handler asks its invocation for (`invocation.argument("NAME")`, `.arguments`,
  /// `.option("--into")`, `.flag("--force")`) is declared by a command of the same file, as what
  /// it is asked for as: a typo would otherwise read nothing, always. (Debug builds also stop at
  /// a name the running command does not declare.)
  @Test func everyNameAHandlerReadsIsDeclaredInItsFile() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Sources").standardized
    let pattern = try Regex(#"invocation\.(argument|arguments|option|flag)\("([^"]+)"\)"#)
    var checked = 0
    for (file, specs) in Dictionary(grouping: CommandTable.all, by: \.declaredIn) {
      // `#fileID` is MODULE/FILE.swift; file names are unique within a module.
      let (module, name) = (file.prefix { $0 != "/" }, file.split(separator: "/").last ?? "")
      let folder = root.appendingPathComponent(String(module))
      let path = try #require(
        FileManager.default.subpaths(atPath: folder.path)?.first { $0.hasSuffix("/\(name)") || $0 == name })
      let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
      for match in text.matches(of: pattern) {
        let (kind, name) = (String(match.output[1].substring!), String(match.output[2].substring!))
        let declared = specs.contains { spec in
          switch kind {
          case "argument", "arguments": spec.arguments.contains { $0.name == name }
          case "option": spec.options.contains { $0.name == name && $0.value != nil }
          default: spec.option(named: name) != nil
          }
        }
        #expect(declared, "\(file) reads \(kind) \(name), which no command of that file declares")
        checked += 1
      }
    }
    // The scan finds what it looks for: the handlers read some forty names.
    #expect(checked > 30)
  }
}
