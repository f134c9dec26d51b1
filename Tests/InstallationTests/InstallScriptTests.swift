import Foundation
import TestSupport
import Testing

/// scripts/install and scripts/uninstall, in what needs no build.
@Suite("scripts/install and scripts/uninstall")
struct InstallScriptTests {
  @Test("--help names --prefix and every installed file", arguments: ["install", "uninstall"])
  func help(script: String) throws {
    let result = try run(Repository.file("scripts/\(script)").path, ["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("--prefix DIR"))
    for file in Installation.files {
      #expect(result.stdout.contains("PREFIX/\(file)"), "\(script) --help does not name \(file)")
    }
  }

  @Test("an unknown argument is a bad invocation (64)", arguments: ["install", "uninstall"])
  func unknownArgument(script: String) throws {
    let prefix = TemporaryFolder("installation")
    let result = try run(
      Repository.file("scripts/\(script)").path, ["--prefix", prefix.url.path, "--frobnicate"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--frobnicate"))
    #expect(Installation.files(under: prefix.url).isEmpty, "\(script) touched the prefix")
  }

  @Test("uninstall removes exactly the installed files and leaves the rest")
  func uninstallRemovesOnlyItsFiles() throws {
    let prefix = TemporaryFolder("installation")
    for file in Installation.files { try prefix.write("installed", to: file) }
    try prefix.write("someone else's", to: "bin/other-tool")
    try prefix.write("someone else's", to: "share/man/man1/other-tool.1")

    let result = try run(Installation.uninstallScript.path, ["--prefix=\(prefix.url.path)"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Installation.files(under: prefix.url) == ["bin/other-tool", "share/man/man1/other-tool.1"])
    for file in Installation.files {
      #expect(result.stdout.contains("removed \(prefix.url.path)/\(file)"))
    }

    let again = try run(Installation.uninstallScript.path, ["--prefix", prefix.url.path])
    #expect(again.status == 0, "a second uninstall fails: \(again.stderr)")
  }
}
