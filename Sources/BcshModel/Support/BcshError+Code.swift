extension BcshError {
  /// What kind of failure an error is, for code to branch on and tests to assert; the message is
  /// for people and may be reworded, the code stays. An open set, as swift-nio's error codes are:
  /// new codes may be added, so a `switch` over codes keeps a `default`.
  ///
  /// Each kind's wording is pinned once, in `Tests/BcshCoreTests/Golden/error-kinds.txt`.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private enum Base: String, Hashable, Sendable {
      case syntax, usage, unknownName, invalidValue, invalidFile, alreadyExists
      case changedOnDisk, unsavedChanges, notReady, fileNotFound, fileSystem, busy, keyring, network
      case terminal, unsupported, interrupted, `internal`
    }

    private let base: Base

    private init(_ base: Base) { self.base = base }

    /// The code's name, as in `BcshError.Code.unknownName`.
    public var description: String { base.rawValue }

    /// Script text that cannot be read: an unterminated quote, an unclosed or malformed `${`.
    public static let syntax = Code(.syntax)
    /// A command given the wrong words: a missing or unexpected argument, an option given twice or
    /// without its value, options that exclude each other.
    public static let usage = Code(.usage)
    /// A name that names nothing: a command, subcommand, option, scope, preset, field, token,
    /// variable, help topic or API endpoint bcsh does not know or that is not set.
    public static let unknownName = Code(.unknownName)
    /// A value of the wrong form or kind: an API path or store hash, a scope's level, a token name,
    /// a credential, a URL, a store-level scope for an account-level token.
    public static let invalidValue = Code(.invalidValue)
    /// A file whose content is not what bcsh reads there: a damaged session file, a credentials
    /// file without a field, a request list line that is not a request, text that is not UTF-8.
    public static let invalidFile = Code(.invalidFile)
    /// The name or file is taken: a token of that name, a file that `--force` would replace.
    public static let alreadyExists = Code(.alreadyExists)
    /// The file changed on disk since this session read or wrote it.
    public static let changedOnDisk = Code(.changedOnDisk)
    /// The session has changes that the command would drop.
    public static let unsavedChanges = Code(.unsavedChanges)
    /// The session lacks what the command works on: no current token, no file yet, no API path.
    public static let notReady = Code(.notReady)
    /// The file, or a folder on its path, does not exist.
    public static let fileNotFound = Code(.fileNotFound)
    /// A file, folder or stream cannot be read or written as asked: permissions, a full disk, not
    /// a regular file, too large, read-only.
    public static let fileSystem = Code(.fileSystem)
    /// Another process holds what the command needs (the folder's save lock) for too long.
    public static let busy = Code(.busy)
    /// The OS keyring cannot be reached, is locked, or holds a secret that is missing or damaged.
    public static let keyring = Code(.keyring)
    /// A request cannot be made: the HTTP client does not start, the network is out of reach.
    public static let network = Code(.network)
    /// The terminal cannot do what was asked: no terminal, no line editor, a hidden value unread.
    public static let terminal = Code(.terminal)
    /// Something bcsh does not do: the GraphQL Admin API, a keyring or network this build lacks.
    public static let unsupported = Code(.unsupported)
    /// Stopped by the person at the keyboard (Ctrl-C, Ctrl-D at a prompt) or by a signal.
    public static let interrupted = Code(.interrupted)
    /// A mistake in bcsh itself, never in what it was given.
    public static let `internal` = Code(.internal)
  }
}
