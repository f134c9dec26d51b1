// libFuzzer entry point for bcsh's input parsers. Built by scripts/fuzz with the core modules' sources
// compiled into this one module; BCSH_FUZZ_TARGET picks the parser each run feeds:
// lexer, parser, txt, session, apipath, completion, toolfiles, transportframe.
import Foundation

/// The target of this process, read once.
let fuzzTarget = ProcessInfo.processInfo.environment["BCSH_FUZZ_TARGET"] ?? "lexer"

/// A shell for the history filter, with nothing to write to but memory. libFuzzer calls in from
/// one thread only.
nonisolated(unsafe) let fuzzShell = Shell(
  environment: ShellEnvironment(variables: [:], currentDirectory: "/nonexistent-bcsh-fuzz"),
  writer: CapturedOutput())

/// doctor's checks, reading and running nothing.
nonisolated(unsafe) let fuzzDoctor = ProjectDoctor(
  files: NoFiles(), git: GitExposure(processes: NoProcesses()), environment: ["BIGCOMMERCE_STORE_HASH": "x"],
  now: Date(timeIntervalSince1970: 1_790_000_000))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  let text = String(decoding: bytes, as: UTF8.self)
  switch fuzzTarget {
  case "lexer":
    // Only the public entry point: the lexer's insides are being rewritten.
    var lexer = Lexer(text, source: "fuzz")
    _ = try? lexer.commands()
    var tolerant = Lexer(text, source: "fuzz", tolerant: true)
    _ = try? tolerant.commands()
  case "parser":
    var lexer = Lexer(text, source: "fuzz", tolerant: true)
    guard let commands = try? lexer.commands() else { return 0 }
    for command in commands {
      let arguments = command.words.map { ExpandedWord($0.literal ?? "x", at: $0.position) }
      guard let (spec, consumed) = try? CommandTable.match(arguments, at: command.position) else { continue }
      _ = try? Invocation(spec: spec, position: command.position, words: Array(arguments.dropFirst(consumed)))
      _ = spec.carriesSecret(in: command.words.map(\.literal).dropFirst(consumed))
    }
    _ = fuzzShell.isSensitive(line: text)
    _ = SecretMasking.mask(text, secrets: [String(text.prefix(9)), "abc"])
  case "txt":
    _ = try? CredentialsFile.parse(text, source: "fuzz.txt")
  case "session":
    if let session = try? SessionFile.parse(text, source: "fuzz.json") {
      // What was accepted must render and read back the same.
      let again = try? SessionFile.parse(SessionFile.rendered(session), source: "again.json")
      if again != session { fatalError("a session file read back differently") }
    }
  case "apipath":
    if let path = try? APIPath.parse(text) {
      // The canonical form must read back as the same path.
      if (try? APIPath.parse(path.canonical)) != path {
        fatalError("\(path.canonical) read back differently")
      }
    }
  case "toolfiles":
    if let document = try? DotEnvDocument.parse(text, source: "fuzz.env") {
      // Every line is kept: what was read renders back as it was.
      if document.rendered() != AtomicFile.withoutByteOrderMark(text) {
        fatalError("a .env file rendered back differently")
      }
      // A value set is read back as itself, and the other keys keep theirs.
      if let set = try? document.setting("BCSH_FUZZ", "abc123", what: "fuzz"),
        let again = try? DotEnvDocument.parse(set.rendered(), source: "again.env")
      {
        if again.value("BCSH_FUZZ") != "abc123" { fatalError("a value set was read back differently") }
        for entry in document.entries
        where entry.key != "BCSH_FUZZ" && again.value(entry.key) != document.value(entry.key) {
          fatalError("setting a key changed \(entry.key)")
        }
      }
    }
    _ = try? CatalystConfigFile.parse(text, source: ".catalyst")
    if let settings = try? JSONSettingsDocument.parse(text, source: "config.stencil.json") {
      let again = try? JSONSettingsDocument.parse(settings.rendered(), source: "again.json")
      if again != settings { fatalError("a stencil file read back differently") }
    }
    // exec --env-file's templates, and what doctor reads from each kind of credential file.
    _ = try? EnvTemplate.resolve(text, source: "fuzz.env", session: Session())
    var overridden: Set<String> = []
    for name in [".env", ".catalyst", "config.stencil.json", ".stencil", "fuzz.bcsh.json", "fuzz.txt"] {
      let file = ProjectFiles.Found(
        path: "/nonexistent-bcsh-fuzz/" + name, shown: name, name: name, permissions: 0o600)
      _ = try? fuzzDoctor.facts(of: file, text: text, overridden: &overridden)
    }
  case "transportframe":
    // What bcsh reads from bcsh-net (and bcsh-net from bcsh), cut at an arbitrary place: every
    // frame read must encode back to the bytes it was read from.
    var buffer = TransportFrameBuffer()
    let cut = size == 0 ? 0 : Int(bytes[0]) % (size + 1)
    var frames: [TransportFrame] = []
    buffer.append(bytes[..<cut])
    while let frame = try? buffer.next() { frames.append(frame) }
    buffer.append(bytes[cut...])
    while let frame = try? buffer.next() { frames.append(frame) }
    for frame in frames {
      let encoded = frame.encoded()
      guard let again = try? TransportFrame.decode(body: encoded.dropFirst(4)), again == frame else {
        fatalError("a frame read back differently")
      }
    }
  case "completion":
    let cursor = size == 0 ? 0 : Int(bytes[0]) % (text.count + 1)
    let engine = CompletionEngine(context: CompletionContext(currentDirectory: "/nonexistent-bcsh-fuzz"))
    _ = engine.complete(line: text, cursor: cursor)
  default:
    fatalError("unknown BCSH_FUZZ_TARGET \(fuzzTarget)")
  }
  return 0
}
