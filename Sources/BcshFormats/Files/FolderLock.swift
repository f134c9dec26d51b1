import BcshModel
import BcshPorts

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive `flock` on a folder, held by every bcsh process while it checks and replaces a
/// file there. The folder is locked rather than the file because the rename replaces the file
/// (a lock on the old one would guard nothing) and because a missing file has nothing to lock; a
/// lock file beside the target would itself be left behind.
///
/// The wait is bounded and can be cancelled: in a shared folder another user's process may hold
/// the lock for as long as it likes, and a save must neither hang with it nor ignore Ctrl-C.
struct FolderLock {
  private let descriptor: Int32

  /// How long a save waits for another process's lock before it gives up.
  static let patience: Duration = .seconds(5)

  /// Takes the lock, waiting at most `patience`; nil when the folder cannot be opened to lock
  /// (the save then goes on unlocked, as it would on a file system without locks). Throws when
  /// the wait runs out (saying who holds the lock, where the system says) or when the task is
  /// cancelled (Ctrl-C, SIGTERM in the interactive shell).
  init?(
    _ folder: String, shownAs shown: String, patience: Duration = FolderLock.patience,
    clock: LockClock = .system
  ) throws(BcshError) {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    let giveUp = clock.now() + patience
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR else {
        close(descriptor)
        return nil
      }
      if Task.isCancelled {
        close(descriptor)
        throw BcshError(
          "cancelled while waiting for another save in '\(shown)'", code: .interrupted, status: .interrupted)
      }
      if clock.now() >= giveUp {
        let holder = Self.holder(of: descriptor)
        close(descriptor)
        throw BcshError(
          "another process has been saving in '\(shown)' for over \(patience.components.seconds) seconds"
            + (holder.map { " (\($0))" } ?? "") + "; nothing was saved", code: .busy,
          hint: "save again when it is done, or save to a file in another folder")
      }
      clock.pause(.milliseconds(20))
    }
    self.descriptor = descriptor
  }

  func release() {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }

  /// Who holds the `flock` on the folder open at `descriptor`: "pid 1234, user alice, bcsh", from
  /// /proc/locks and /proc/PID; nil where the system does not say.
  static func holder(of descriptor: Int32) -> String? {
    var info = stat()
    guard fstat(descriptor, &info) == 0, let locks = try? AtomicFile.read("/proc/locks") else { return nil }
    // "1: FLOCK  ADVISORY  WRITE 4242 08:01:1311 0 EOF"; waiters' lines carry "->" after the number.
    let device = [hex(major(info.st_dev)), hex(minor(info.st_dev)), String(UInt64(info.st_ino))].joined(
      separator: ":")
    for line in locks.split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard fields.count >= 6, fields[1] == "FLOCK", fields[5] == device, let pid = Int32(fields[4]) else {
        continue
      }
      var parts = ["pid \(pid)"]
      var process = stat()
      if stat("/proc/\(pid)", &process) == 0, let user = getpwuid(process.st_uid) {
        parts.append("user " + String(cString: user.pointee.pw_name))
      }
      if let command = try? AtomicFile.read("/proc/\(pid)/comm") {
        // The command's name is the other process's to choose: printable ASCII only.
        let name = String(command.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F })
        if !name.isEmpty { parts.append(name) }
      }
      return parts.joined(separator: ", ")
    }
    return nil
  }

  /// glibc's `major` and `minor` (macros Swift cannot call).
  private static func major(_ device: dev_t) -> UInt64 {
    let device = UInt64(device)
    return ((device >> 8) & 0xfff) | (UInt64(UInt32(truncatingIfNeeded: device >> 32)) & ~0xfff)
  }

  private static func minor(_ device: dev_t) -> UInt64 {
    let device = UInt64(device)
    return (device & 0xff) | (UInt64(UInt32(truncatingIfNeeded: device >> 12)) & ~0xff)
  }

  /// At least two lowercase hexadecimal digits, as /proc/locks writes device numbers.
  private static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return digits.count < 2 ? "0" + digits : digits
  }
}
