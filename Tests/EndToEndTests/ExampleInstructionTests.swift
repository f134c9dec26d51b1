import Foundation
import Testing

/// Issue 21, item 3: the commands the examples' comments tell a user to type (`#   bcsh ...`) run
/// as written, in order, in one folder, and do what the comments say. Only the user's own values
/// change: the store is the sandbox's, whose API `BCSH_API_BASE` points at, and the file the
/// checklist has the user download waits in ~/Downloads.
@Suite struct ExampleInstructionTests {
  /// The sandbox's demo store and its read-only token (a throw-away demo value).
  static let store = "sbxdemo001"
  static let readOnlyToken = "i70pw629a3v68vhtnufc2x36n8w5u1m"

  /// The command lines of an example's comments, as typed.
  static func instructions(in example: String) throws -> [String] {
    let text = try String(contentsOfFile: Bcsh.examples + "/" + example, encoding: .utf8)
    return text.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("#   ") else { return nil }
      let command = line.dropFirst(4).trimmingCharacters(in: .whitespaces)
      return command.contains("bcsh ") ? command : nil
    }
  }

  /// `NAME=VALUE ... bcsh WORD ...` split as sh would (single quotes only), with the user's values.
  static func words(of command: String) -> (environment: [String: String], arguments: [String]) {
    var words: [String] = []
    var word: String?
    var quoted = false
    for character in command {
      if character == "'" {
        quoted.toggle()
        word = word ?? ""
      } else if character == " " && !quoted {
        if let done = word { words.append(done) }
        word = nil
      } else {
        word = (word ?? "") + String(character)
      }
    }
    if let word { words.append(word) }
    var environment: [String: String] = [:]
    while let first = words.first, first != "bcsh", let equals = first.firstIndex(of: "=") {
      environment[String(first[..<equals])] = String(first[first.index(after: equals)...])
      words.removeFirst()
    }
    let arguments = words.dropFirst().map { word in
      word == "STORE=abc123" ? "STORE=\(store)" : word
    }
    if environment["BC_ACCESS_TOKEN"] != nil { environment["BC_ACCESS_TOKEN"] = readOnlyToken }
    return (environment, arguments)
  }

  @Test func everyExampleRunsAsItsCommentsSay() throws {
    let bcsh = Bcsh()
    let sandbox = try SandboxProcess(bcsh)
    defer { sandbox.stop() }
    try FileManager.default.copyItem(atPath: Bcsh.examples, toPath: bcsh.path("examples"))
    try FileManager.default.createDirectory(atPath: bcsh.path("Downloads"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: Bcsh.examples + "/cart-migration.txt", toPath: bcsh.path("Downloads/cart-migration.txt"))
    var ran = 0
    for example in [
      "migration-to-bigcommerce.bcsh", "read-only-audit.bcsh", "account-level.bcsh", "quickstart.bcsh",
    ] {
      let commands = try Self.instructions(in: example)
      #expect(!commands.isEmpty, "\(example) tells no command to run")
      for command in commands {
        var (environment, arguments) = Self.words(of: command)
        environment["BCSH_API_BASE"] = sandbox.baseURL
        let result = try bcsh.run(arguments, environment: environment)
        #expect(result.status == 0, "\(example): \(command)\n\(result.stdout)\(result.stderr)")
        ran += 1
      }
    }
    #expect(ran == 5)
    // What the migration example's comments promise: the file in the current folder, the prepared
    // token filled (not a new one), saved, and verified.
    let saved = try #require(bcsh.read("migration.bcsh.json"))
    #expect(saved.contains("\"name\" : \"cart-migration\""))
    #expect(saved.components(separatedBy: "\"name\" :").count == 2, "one token, not a second one")
    #expect(saved.contains("sbxdemo001"))
    #expect(bcsh.exists("audit.bcsh.json") && bcsh.exists("account.bcsh.json"))
  }
}

/// `bcsh sandbox serve --port 0` for the length of a test: its address read from its banner.
final class SandboxProcess {
  let process = Process()
  let baseURL: String

  init(_ bcsh: Bcsh) throws {
    process.executableURL = URL(fileURLWithPath: Bcsh.binary)
    process.arguments = ["sandbox", "serve", "--port", "0"]
    process.currentDirectoryURL = URL(fileURLWithPath: bcsh.folder)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Read until the address and what follows it have arrived (or the output ends).
    let address = #"http://127\.0\.0\.1:[0-9]+[^0-9]"#
    var text = ""
    while text.range(of: address, options: .regularExpression) == nil {
      let data = output.fileHandleForReading.availableData
      if data.isEmpty { break }
      text += String(decoding: data, as: UTF8.self)
    }
    guard let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) else {
      process.terminate()
      throw SandboxStartError(output: text)
    }
    baseURL = String(text[range])
  }

  func stop() {
    process.terminate()
    process.waitUntilExit()
  }

  struct SandboxStartError: Error, CustomStringConvertible {
    var output: String
    var description: String { "bcsh sandbox serve printed no address: \(output)" }
  }
}
