import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import FoundationEssentials

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// `open FILE [--discard]`: a session file becomes the session.
struct OpenCommand: SynchronousCommand {
  static let file = RequiredArgument<String>("FILE", .file(.session))
  static let discard = Flag("--discard", "discard unsaved changes")
  static let spec = CommandSpec(
    ["open"], "open a session file", arguments: [file.spec], options: [discard.spec],
    example: "open migration.bcsh.json", effects: .usesKeyring)

  let file: Given<String>
  let discard: Bool

  init(from invocation: Invocation) throws(BcshError) {
    file = try invocation.read(Self.file)
    discard = try invocation.read(Self.discard)
  }

  func run(in context: inout CommandContext) throws(BcshError) {
    if context.state.hasUnsavedChanges && !discard {
      throw BcshError(
        "the session has unsaved changes", code: .unsavedChanges,
        hint: "'save' keeps them; 'open --discard FILE' drops them",
        at: file.position)
    }
    let path = context.resolvePath(file.value)
    try context.open(path: path, shownAs: file.value, at: file.position)
    context.confirm("opened \(file.value) (\(Counted.text(context.state.session.tokenCount, "token")))")
  }
}

extension CommandContext {
  /// Loads a session file as the session's own: it becomes the file `save` writes to.
  mutating func open(path: String, shownAs name: String, at position: SourcePosition?) throws(BcshError) {
    // The fingerprint of the file that was read, not of whatever the path names a moment later.
    let text: String
    let fingerprint: FileFingerprint
    do throws(BcshError) {
      (text, fingerprint) = try files.readWithFingerprint(path, shownAs: name)
    } catch let error where error.code == .fileNotFound {
      throw Self.noSessionFile(name, at: path, position: position)
    } catch {
      throw error.placed(at: position)
    }
    var (session, manifest) = try SessionFile.parseDocument(text, source: name)
    var keyring: KeyringSecrets?
    if let manifest {
      let secrets = KeyringSecrets(id: manifest.id, generation: manifest.generation)
      let missing: [KeyringSecrets.Entry]
      do throws(BcshError) {
        missing = try secrets.load(manifest, into: &session, from: capabilities.keyring.forReading())
      } catch {
        throw BcshError(
          "\(name) keeps its secrets in the OS keyring, which bcsh cannot read: \(error.message)",
          code: error.code,
          hint: error.hint, at: position, cause: error)
      }
      keyring = KeyringSecrets(id: manifest.id, generation: manifest.generation, missing: missing)
    }
    state.session = session
    state.saved = session
    state.file = SessionFileReference(path: path, fingerprint: fingerprint, keyring: keyring)
    // The session is open, so that `status` can say what is missing; the command still fails.
    if let missing = keyring?.missing, !missing.isEmpty {
      reportError(
        BcshError(
          "the keyring no longer holds \(missing.count == 1 ? "a secret" : "\(missing.count) secrets") of \(name): "
            + KeyringSecrets.describe(missing),
          code: .keyring,
          hint: "'status' lists them; 'token set FIELD' sets each again and 'save' stores it",
          at: position))
      failedStatus = .commandFailed
    }
  }

  /// "no session file 'x.json'", with the nearest name in its folder or how to make one.
  private static func noSessionFile(_ name: String, at path: String, position: SourcePosition?) -> BcshError {
    let folder = Paths.folder(of: name)
    let hint =
      Paths.nearestSibling(of: path).map {
        "did you mean \(ShownWord.quoted(folder == "." ? $0 : folder + "/" + $0))?"
      }
      ?? "check the path; 'save \(ShownWord.bare(name))' makes a new session file there"
    return BcshError(
      "no session file \(ShownWord.quoted(name))", code: .fileNotFound, hint: hint, at: position)
  }
}
