import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `source FILE`: runs a script here, its path relative to the script that sources it.
struct SourceCommand: ShellCommand {
  static let file = RequiredArgument<String>("FILE", .file(.script))
  static let spec = CommandSpec(
    ["source"], "run a script here (its path is relative to the script that sources it)",
    arguments: [file.spec], example: "source common.bcsh")

  let file: Given<String>

  init(from invocation: Invocation) throws(BcshError) { file = try invocation.read(Self.file) }

  func run(in context: inout CommandContext) async throws(BcshError) {
    let base = context.scriptPath.map(Paths.folder(of:))
    let path = context.resolvePath(file.value, from: base)
    let stack = context.sourceStack + (context.scriptPath.map { [$0] } ?? [])
    guard !Self.isRunning(path, among: stack, files: context.files) else {
      throw BcshError(
        "\(ShownWord.quoted(file.value)) is already being run: sourcing it again would loop forever",
        code: .usage,
        hint: "sourced: " + (stack + [path]).map(Paths.fileName(of:)).joined(separator: " -> "),
        at: file.position)
    }
    guard stack.count < 64 else {
      throw BcshError("scripts are sourced too deeply", code: .usage, at: file.position)
    }
    let text: String
    text = try BcshError.placing(at: file.position) { () throws(BcshError) in
      try context.files.read(path, shownAs: file.value)
    }
    let outcome = await context.runSourced(text, source: file.value, path: path, sourceStack: stack)
    if let request = outcome.exitRequest {
      context.exitRequest = request
    } else if outcome.status != .success {
      // Under --keep-going the sourced script ran to its end, and a script that stopped at a
      // command whose changes stand (a verify that found a problem) keeps them too: keep what it
      // did, pass its status on.
      if (context.options.keepGoing || outcome.keptChanges) && outcome.status != .interrupted {
        context.failedStatus = outcome.status
        return
      }
      var error = BcshError(
        "\(ShownWord.quoted(file.value)) failed",
        code: outcome.status == .interrupted ? .interrupted : .invalidFile, at: file.position,
        status: outcome.status)
      error.isReported = true
      throw error
    }
  }

  /// Whether `path` is one of the scripts being run: the same file (device and inode), however
  /// it is spelled (`./f.bcsh`, `../dir/f.bcsh`, a link), or the same path when it cannot be read.
  static func isRunning(_ path: String, among stack: [String], files: any FileReading) -> Bool {
    guard let file = files.fingerprint(of: path) else { return stack.contains(path) }
    return stack.contains { running in
      running == path
        || files.fingerprint(of: running).map { $0.device == file.device && $0.inode == file.inode } ?? false
    }
  }
}
