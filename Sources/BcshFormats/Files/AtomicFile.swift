import BcshModel
import BcshPorts
import Synchronization

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files written the safe way: 0600, atomically (a temporary file in the same folder, flushed to
/// disk, renamed over the target, the folder flushed too), so that a crash or a full disk leaves
/// the old file whole.
public enum AtomicFile {
  /// Writes `contents` to `path` and returns the new file's fingerprint.
  ///
  /// The check that the file is as expected and the rename that replaces it happen under one lock
  /// (see ``FolderLock``), so of two bcsh processes saving over the same version of a file, the
  /// second sees the first one's file and is refused: neither loses the other's work silently.
  ///
  /// - Parameters:
  ///   - expected: what the file looked like when this session read or wrote it; nil when it never
  ///     did. An existing file that differs (or one this session never read) is not overwritten
  ///     unless `force`.
  ///   - name: how errors name the file (the path as the user typed it).
  public static func write(
    _ contents: String, to path: String, expected: FileFingerprint?, force: Bool, shownAs name: String? = nil
  ) throws(BcshError) -> FileFingerprint {
    try write(contents, to: path, expected: expected, force: force, shownAs: name, lockClock: .system)
  }

  /// ``write(_:to:expected:force:shownAs:)`` waiting for the folder's lock by `lockClock`.
  static func write(
    _ contents: String, to path: String, expected: FileFingerprint?, force: Bool, shownAs name: String?,
    lockClock: LockClock
  ) throws(BcshError) -> FileFingerprint {
    let shown = name ?? path
    let target = try regularFileTarget(path, shownAs: shown)
    let folder = Paths.folder(of: target)
    let lock = try FolderLock(folder, shownAs: Paths.folder(of: shown), clock: lockClock)
    defer { lock?.release() }
    if lock != nil { removeDebris(of: target) }
    var existing = stat()
    let exists = stat(target, &existing) == 0
    // A new file is 0600; one replaced keeps its own mode where that is narrower (a file made
    // read-only stays so), and never more than 0600.
    let mode: mode_t = exists && existing.st_mode & 0o400 != 0 ? existing.st_mode & 0o600 : 0o600
    try checkReplaceable(target, path: path, expected: expected, force: force, shownAs: shown)
    // A SIGINT, SIGTERM or SIGHUP that would end the process removes the file first: the guard is
    // in place before the file exists, so no signal finds it there unguarded.
    var signalGuard = TemporaryFileGuard()
    // The name is chosen, and handed to the guard, before the file is made: a signal at any moment
    // finds the guard knowing the file (or a name not made yet, which it unlinks harmlessly).
    var descriptor: Int32 = -1
    var temporary = ""
    for _ in 0..<100 {
      temporary = folder + "/" + temporaryPrefix(of: target) + Self.randomSuffix()
      signalGuard.track(temporary)
      descriptor = open(temporary, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      if descriptor >= 0 || errno != EEXIST { break }
    }
    guard descriptor >= 0 else {
      let error = systemError("cannot create a file in \(ShownWord.quoted(Paths.folder(of: shown)))")
      signalGuard.release()
      throw error
    }
    var succeeded = false
    defer {
      if !succeeded { unlink(temporary) }
      signalGuard.release()
    }
    do {
      var closed = false
      defer { if !closed { close(descriptor) } }
      guard fchmod(descriptor, mode) == 0 else {
        throw systemError("cannot set permissions on \(ShownWord.quoted(shown))")
      }
      let bytes = Array(contents.utf8)
      var written = 0
      while written < bytes.count {
        let result = bytes.withUnsafeBytes { buffer in
          Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
        }
        if result < 0 && errno == EINTR { continue }
        guard result > 0 else { throw systemError("cannot write \(ShownWord.quoted(shown))") }
        written += result
      }
      guard fsync(descriptor) == 0 else {
        throw systemError("cannot flush \(ShownWord.quoted(shown)) to disk")
      }
      closed = true
      guard close(descriptor) == 0 else { throw systemError("cannot write \(ShownWord.quoted(shown))") }
    }
    guard rename(temporary, target) == 0 else {
      throw systemError("cannot replace \(ShownWord.quoted(shown))")
    }
    succeeded = true
    let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY)
    if folderDescriptor >= 0 {
      fsync(folderDescriptor)
      close(folderDescriptor)
    }
    guard var fingerprint = FileFingerprint.of(target) else {
      throw systemError("cannot read back \(ShownWord.quoted(shown))")
    }
    fingerprint.contentDigest = FileFingerprint.digest(of: contents.utf8)
    return fingerprint
  }

  /// Refuses, as ``write(_:to:expected:force:shownAs:)`` would, to replace `path`: a link to
  /// nothing, not a regular file, read-only, there though never read, or changed since `expected`
  /// (the last three unless `force`). A command writing several files checks each first, so that
  /// a refusal leaves all of them as they were.
  public static func checkWritable(
    _ path: String, expected: FileFingerprint?, force: Bool, shownAs name: String?
  )
    throws(BcshError)
  {
    let shown = name ?? path
    let target = try regularFileTarget(path, shownAs: shown)
    try checkReplaceable(target, path: path, expected: expected, force: force, shownAs: shown)
  }

  private static func checkReplaceable(
    _ target: String, path: String, expected: FileFingerprint?, force: Bool, shownAs shown: String
  ) throws(BcshError) {
    var existing = stat()
    let exists = stat(target, &existing) == 0
    if !force, exists, existing.st_mode & 0o200 == 0 {
      throw BcshError(
        "\(ShownWord.quoted(shown)) is read-only (mode \(String(existing.st_mode & 0o777, radix: 8)))",
        code: .fileSystem,
        hint: "'save --force' replaces it all the same, keeping it read-only")
    }
    if !force, let current = FileFingerprint.of(target) {
      guard let expected else {
        throw BcshError(
          "\(ShownWord.quoted(shown)) already exists", code: .alreadyExists,
          hint: "'--force' overwrites it, or choose another file name")
      }
      guard current.hasSameMetadata(as: expected) || hasContent(of: expected, target) else {
        throw BcshError(
          "\(ShownWord.quoted(shown)) changed on disk since this session read or wrote it",
          code: .changedOnDisk,
          hint: "'open --discard \(path)' loads the new version; 'save --force' overwrites it")
      }
    }
  }

  /// Whether the file at `path` holds the very bytes `expected` was taken of (its digest), though
  /// its metadata changed.
  private static func hasContent(of expected: FileFingerprint, _ path: String) -> Bool {
    guard let digest = expected.contentDigest,
      let (bytes, info) = try? readBytes(path, shownAs: path), Int64(info.st_size) == expected.size
    else { return false }
    return FileFingerprint.digest(of: bytes) == digest
  }

  /// Six letters and digits, as mkstemp would add.
  static func randomSuffix() -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    return String((0..<6).map { _ in letters.randomElement()! })
  }

  /// `.NAME.bcsh-save-`: the start of the temporary files a save of `path` makes beside it
  /// (mkstemp adds six letters and digits).
  static func temporaryPrefix(of path: String) -> String { "." + Paths.fileName(of: path) + ".bcsh-save-" }

  /// The file a save of `path` replaces: `path` itself, or the file a symbolic link names (the
  /// link is kept). Anything but a regular file (a device, a FIFO, a folder) is refused: the
  /// rename would replace it with a file of secrets.
  static func regularFileTarget(_ path: String, shownAs shown: String) throws(BcshError) -> String {
    var info = stat()
    guard lstat(path, &info) == 0 else { return path }
    var target = path
    if info.st_mode & S_IFMT == S_IFLNK {
      guard let resolved = realpath(path, nil) else {
        throw BcshError(
          "\(ShownWord.quoted(shown)) is a symbolic link to nothing", code: .fileSystem,
          hint: "save to the file it should name, or remove the link")
      }
      target = String(cString: resolved)
      free(resolved)
      guard stat(target, &info) == 0 else { return target }
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw BcshError(
        "\(ShownWord.quoted(shown)) is \(describe(info.st_mode & S_IFMT)); bcsh saves only over regular files",
        code: .fileSystem,
        hint: "name a file instead")
    }
    return target
  }

  /// Deletes the temporary files that earlier saves of `path` left when they were killed between
  /// creating one and renaming it (each holds the whole session). Call only under the folder's
  /// ``FolderLock``: every living writer holds it while its temporary file exists, so what is
  /// found then belongs to no living writer. A file is taken for one only when everything about it
  /// is what a save makes: the exact name (`.NAME.bcsh-save-` and mkstemp's six letters and
  /// digits), a regular file with one link, owned by this user, mode 0600 or narrower (what
  /// `write` gives it); a file of the user's that merely looks alike (`.team.json.bcsh-backup`)
  /// stays.
  static func removeDebris(of path: String) {
    let folder = Paths.folder(of: path)
    let prefix = temporaryPrefix(of: path)
    guard let directory = opendir(folder) else { return }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      // mkstemp's six characters are letters and digits.
      guard name.hasPrefix(prefix), name.utf8.count == prefix.utf8.count + 6,
        name.utf8.suffix(6).allSatisfy({ $0 < 128 && Character(Unicode.Scalar($0)).isASCIIAlphanumeric })
      else { continue }
      names.append(name)
    }
    for name in names {
      var info = stat()
      let debris = folder + "/" + name
      guard lstat(debris, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(),
        info.st_nlink == 1, info.st_mode & 0o7777 & ~0o600 == 0
      else { continue }
      unlink(debris)
    }
  }

  /// Reads a whole text file, with errors a user can act on.
  public static func read(_ path: String, shownAs name: String? = nil) throws(BcshError) -> String {
    // The same reading as `readWithFingerprint`, without the digest of every byte nobody asked
    // for (a script of 100k lines is 2 MB).
    let shown = name ?? path
    return try text(of: try readBytes(path, shownAs: shown).0, shownAs: shown)
  }

  /// Reads a file and fingerprints the very file it read (`fstat` of the open descriptor): a save
  /// by another process that renames a new file over it in between cannot make this session take
  /// that file's fingerprint for the contents it read.
  ///
  /// Every file bcsh reads comes through here. Only a regular file is read: a FIFO, a device, a
  /// socket or a folder is refused before a byte is read, since reading one could wait forever
  /// where no signal but SIGKILL reaches (README, Secrets and files). The file is opened without
  /// blocking and the open descriptor is checked, so nothing can swap the file in between. The one
  /// exception is bcsh's own standard input named as a file (`/dev/stdin`), a pipe or a file the
  /// user handed over: it is read to its end, as standard input always is.
  public static func readWithFingerprint(_ path: String, shownAs name: String? = nil) throws(BcshError) -> (
    text: String, fingerprint: FileFingerprint
  ) {
    let shown = name ?? path
    let (bytes, info) = try readBytes(path, shownAs: shown)
    return (
      try text(of: bytes, shownAs: shown),
      FileFingerprint(info, contentDigest: FileFingerprint.digest(of: bytes))
    )
  }

  /// A file's bytes as text, without a byte order mark; an error when they are not UTF-8.
  private static func text(of bytes: [UInt8], shownAs shown: String) throws(BcshError) -> String {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw BcshError("\(ShownWord.quoted(shown)) is not UTF-8 text", code: .invalidFile)
    }
    return withoutByteOrderMark(text)
  }

  /// The bytes of a file (at most 16 MiB) and the `fstat` of the descriptor they were read from;
  /// anything but a regular file (or standard input named as a file) is refused before a byte is
  /// read.
  private static func readBytes(_ path: String, shownAs shown: String) throws(BcshError) -> (
    [UInt8], stat
  ) {
    var descriptor: Int32
    repeat {
      descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    } while descriptor < 0
      && errno == EINTR
    guard descriptor >= 0 else {
      throw systemError("cannot read \(ShownWord.quoted(shown))", file: (path, shown))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw systemError("cannot read \(ShownWord.quoted(shown))") }
    let kind = info.st_mode & S_IFMT
    if kind != S_IFREG {
      guard kind == S_IFIFO, isStandardInput(info) else {
        throw BcshError(
          "\(ShownWord.quoted(shown)) is \(describe(kind)); bcsh reads only regular files", code: .fileSystem,
          hint: "name a file instead")
      }
      // Standard input is read as bcsh reads it anyway: waiting for its writer.
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { throw systemError("cannot read \(ShownWord.quoted(shown))") }
      if count == 0 { break }
      bytes += buffer[0..<count]
      guard bytes.count <= 16 << 20 else {
        throw BcshError("\(ShownWord.quoted(shown)) is too large (over 16 MiB)", code: .fileSystem)
      }
    }
    return (bytes, info)
  }

  /// Whether `info` describes the very pipe that is this process's standard input.
  private static func isStandardInput(_ info: stat) -> Bool {
    var input = stat()
    return fstat(0, &input) == 0 && input.st_dev == info.st_dev && input.st_ino == info.st_ino
  }

  /// "a folder", "a FIFO": what a file that is not a regular one is, for errors.
  static func describe(_ kind: mode_t) -> String {
    switch kind {
    case S_IFDIR: "a folder"
    case S_IFCHR, S_IFBLK: "a device"
    case S_IFIFO: "a FIFO"
    case S_IFSOCK: "a socket"
    default: "not a regular file"
    }
  }

  /// `text` without the UTF-8 byte order mark some editors put first (Notepad): every file bcsh
  /// reads (session files, scripts, request files, downloaded .txt files) and standard input
  /// takes it, so that it never becomes part of a first word or a JSON syntax error.
  public static func withoutByteOrderMark(_ text: String) -> String {
    text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
  }

  /// Creates `path` and its missing parents with mode 0700.
  public static func makeFolder(_ path: String) throws(BcshError) {
    var current = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") {
      current += "/" + component
      if mkdir(current, 0o700) != 0 && errno != EEXIST {
        throw systemError("cannot create folder \(ShownWord.quoted(current))")
      }
    }
  }

  /// An error for the failed system call just made. `file`: the file it was about (real path and
  /// as the user wrote it), so that a missing one is told from a missing folder.
  static func systemError(_ message: String, file: (path: String, shown: String)? = nil) -> BcshError {
    let code = errno
    let reason = String(cString: strerror(code)).lowercased()
    let hint: String? =
      switch code {
      case ENOENT:
        if let file, FileFingerprint.of(Paths.folder(of: file.path)) != nil {
          "check the file name: its folder holds no \(ShownWord.quoted(Paths.fileName(of: file.shown)))"
        } else if let file {
          "check the path: the folder \(ShownWord.quoted(Paths.folder(of: file.shown))) does not exist"
        } else {
          "check the path; the folder must exist"
        }
      case EACCES, EPERM: "check the file's and its folder's permissions"
      case ENOSPC: "the disk is full; the old file is untouched"
      case EISDIR: "that is a folder; name a file"
      default: nil
      }
    return BcshError("\(message): \(reason)", code: code == ENOENT ? .fileNotFound : .fileSystem, hint: hint)
  }
}

extension Character {
  fileprivate var isASCIIAlphanumeric: Bool { isASCII && (isLetter || isNumber) }
}

extension Paths {
  /// The name of the file beside `path` closest to its name, for "did you mean" when `path` does
  /// not exist; nil when its folder cannot be listed or holds nothing near.
  public static func nearestSibling(of path: String) -> String? {
    guard let folder = opendir(Paths.folder(of: path)) else { return nil }
    defer { closedir(folder) }
    var names: [String] = []
    while let entry = readdir(folder) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) {
        String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
      // A huge folder is not worth a suggestion's cost.
      if names.count > 10_000 { return nil }
    }
    return Spelling.suggestion(for: fileName(of: path), among: names)
  }
}

/// The temporary file a save is writing, as the address of a C string (0 when none): a signal
/// handler can read an atomic, and nothing else of Swift's, safely.
private let pendingTemporary = Atomic<UInt>(0)

/// Removes the save's temporary file, then ends the process by `signal` as if no handler had
/// caught it. Only async-signal-safe calls.
private func removeTemporaryAndEnd(_ signal: Int32) {
  let address = pendingTemporary.load(ordering: .relaxed)
  if address != 0, let path = UnsafePointer<CChar>(bitPattern: address) { unlink(path) }
  Glibc.signal(signal, SIG_DFL)
  raise(signal)
}

/// While a save's temporary file exists (every secret of the session, 0600), a SIGINT, SIGTERM or
/// SIGHUP that would end the process (its disposition is the default) removes the file first.
/// Signals that something else catches (the interactive shell's trap) are left to it: the save then
/// finishes and removes or renames its file itself.
private struct TemporaryFileGuard {
  private var path: UnsafeMutablePointer<CChar>?
  private let replaced: [(signal: Int32, action: sigaction)]

  /// Catches the signals that would end the process; until `track`, there is nothing to remove.
  init() {
    pendingTemporary.store(0, ordering: .relaxed)
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { signal in removeTemporaryAndEnd(signal) }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    var replaced: [(signal: Int32, action: sigaction)] = []
    for signal in [SIGINT, SIGTERM, SIGHUP] {
      var old = sigaction()
      guard sigaction(signal, nil, &old) == 0, old.__sigaction_handler.sa_handler == nil else { continue }
      if sigaction(signal, &action, &old) == 0 { replaced.append((signal, old)) }
    }
    self.replaced = replaced
  }

  /// The file a signal from now on removes before the process ends. A name tracked before was
  /// never made; its few bytes are kept, as a handler may be reading them at this moment.
  mutating func track(_ temporary: String) {
    path = strdup(temporary)
    pendingTemporary.store(UInt(bitPattern: path), ordering: .relaxed)
  }

  /// Puts the default dispositions back and forgets the file (renamed or removed by now).
  func release() {
    for var entry in replaced { sigaction(entry.signal, &entry.action, nil) }
    pendingTemporary.store(0, ordering: .relaxed)
    free(path)
  }
}
