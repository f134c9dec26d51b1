import Foundation
import TestSupport
import Testing

/// A script's standard output is written in blocks when it is not a terminal: what it wrote still
/// comes before every diagnostic, before a program's own output, and all of it before bcsh ends,
/// whichever way it ends. Each run sends both streams into one pipe (`2>&1`), as a log would.
@Suite struct OutputOrderTests {
  /// bcsh run by sh with standard error into standard output; `stdout` holds both, in order.
  func merged(_ bcsh: Bcsh, _ arguments: [String], stdin: String = "") throws -> Bcsh.Result {
    try bcsh.run(
      ["-c", "\"$@\" 2>&1", "sh", Bcsh.binary] + arguments, stdin: stdin, executable: "/bin/sh")
  }

  @Test func outputAndErrorsInterleaveInOrder() throws {
    let bcsh = Bcsh()
    bcsh.write(
      "mixed.bcsh",
      """
      token new order-token
      scope add products=modify
      scope add prodcts
      echo after the first error
      path set abc123
      scope rm orders
      echo last line

      """)
    let result = try merged(bcsh, ["--keep-going", "mixed.bcsh"])
    #expect(result.status == 2)
    #expect(
      result.stdout == """
        created store-level token 'order-token'
        'order-token' declares products=modify
        mixed.bcsh:3:11: error: unknown scope 'prodcts'
        hint: did you mean 'products'? ('scope list --all' shows every scope)
        after the first error
        api path: https://api.bigcommerce.com/stores/abc123/v3/
        mixed.bcsh:6:10: error: 'order-token' does not declare 'orders'
        hint: it declares: products=modify
        last line

        """)
  }

  @Test func outputBeforeAFailingCommandAllAppears() throws {
    let bcsh = Bcsh()
    // More than a block of output (32 KiB) before the error, and some after the last full block.
    let lines = (1...5000).map { "echo line \($0) of the output before the error" }
    bcsh.write(
      "long.bcsh", (lines + ["scope add products", "echo not reached"]).joined(separator: "\n") + "\n")
    let result = try merged(bcsh, ["long.bcsh"])
    #expect(result.status == 2)
    let expected =
      (1...5000).map { "line \($0) of the output before the error\n" }.joined()
      + "long.bcsh:5001:1: error: no current token\nhint: 'token new NAME' creates one\n"
    #expect(result.stdout == expected)
  }

  @Test func outputBeforeExitAllAppears() throws {
    let bcsh = Bcsh()
    let lines = (1...3000).map { "echo line \($0)" }
    bcsh.write("exits.bcsh", (lines + ["exit 1", "echo not reached"]).joined(separator: "\n") + "\n")
    let result = try merged(bcsh, ["exits.bcsh"])
    #expect(result.status == 1)
    #expect(result.stdout == (1...3000).map { "line \($0)\n" }.joined())
    // The same from -c and from standard input.
    let dashC = try merged(bcsh, ["-c", "echo one; echo two; exit 1; echo not reached"])
    #expect(dashC.status == 1)
    #expect(dashC.stdout == "one\ntwo\n")
    let piped = try merged(bcsh, [], stdin: "echo one\necho two\nexit 1\necho not reached\n")
    #expect(piped.status == 1)
    #expect(piped.stdout == "one\ntwo\n")
    // A status bcsh does not use is an error, after the output before it.
    let refused = try merged(bcsh, ["-c", "echo one; exit 3; echo not reached"])
    #expect(refused.status == 2)
    #expect(refused.stdout.hasPrefix("one\n-c:1:16: error: '3' is not an exit status bcsh uses\n"))
  }

  @Test func outputComesBeforeAProgramsOwn() throws {
    let bcsh = ExecTests().prepared()
    let result = try merged(
      bcsh,
      [
        "-s", "s.bcsh.json", "-c",
        "echo before; exec catalyst-dev -- sh -c 'echo from the program; echo to stderr >&2'; echo after",
      ])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout == "before\nfrom the program\nto stderr\nafter\n")
  }

  @Test func outputComesBeforeATraceLine() throws {
    let result = try merged(Bcsh(), ["-x", "-c", "echo one; echo two"])
    #expect(result.status == 0)
    #expect(result.stdout == "+ echo one\none\n+ echo two\ntwo\n")
  }
}
