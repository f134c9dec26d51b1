import Foundation
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// Issue 10, row 4 and the smaller items: input meant to loop, or to slip past a check.
@Suite struct HostileInputTests {
  /// `./f.bcsh` and `f.bcsh` are one file: a cycle, found at once, even under --keep-going (which
  /// used to run 2^64 nested sources).
  @Test func aSourceCycleIsFoundByFileIdentity() async {
    var options = ShellOptions()
    options.keepGoing = true
    let t = TestShell(options: options)
    t.write("f.bcsh", "source ./f.bcsh\nsource ./f.bcsh\n")
    try? FileManager.default.createDirectory(atPath: t.path("sub"), withIntermediateDirectories: false)
    t.write("sub/g.bcsh", "source ../sub/./g.bcsh\n")
    let script = "source ./f.bcsh\nsource ./f.bcsh\n"
    #expect(await t.shell.run(script: script, source: "f.bcsh", path: t.path("f.bcsh")) == .commandFailed)
    #expect(t.output.error.components(separatedBy: "already being run").count == 3, "\(t.output.error)")
    #expect(await t.run("source sub/g.bcsh") == .commandFailed)
    #expect(t.output.error.contains("'../sub/./g.bcsh' is already being run"))
  }

  @Test(arguments: [
    "http://127.0.0.1:abc", "http://127.0.0.1:", "http://127.0.0.1:0", "http://127.0.0.1:65536",
    "http://[::1]:x", "https://api.example.com:1e3", "http://:8080",
  ])
  func anAPIBaseWithABadPortIsRefused(base: String) {
    #expect(throws: BcshError.self) { try APIBase.validated(base) }
  }

  @Test(arguments: [
    "http://127.0.0.1:8080", "http://[::1]:443", "https://api.example.com", "http://localhost:1",
  ])
  func anAPIBaseWithAGoodPortPasses(base: String) throws {
    #expect(try APIBase.validated(base) == base)
  }

  @Test(arguments: ["0x10", "1e3", "inf", "nan", "-1", "0", "3601", "1,5"])
  func aTimeoutIsDecimalSeconds(timeout: String) async {
    let t = TestShell()
    await t.run("token new leaktest")
    #expect(await t.run("verify --timeout \(timeout)") == .commandFailed)
    #expect(t.output.errorCodes.last == .invalidValue, "\(t.output.error)")
  }
}
