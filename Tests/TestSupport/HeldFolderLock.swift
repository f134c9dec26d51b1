#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The `flock` a save takes on a folder, held by the test as another process's save would hold it,
/// until `release()` or until dropped.
public final class HeldFolderLock: Sendable {
  private let descriptor: Int32

  public init(_ folder: String) throws {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0, flock(descriptor, LOCK_EX) == 0 else {
      let code = errno
      if descriptor >= 0 { close(descriptor) }
      throw HeldFolderLockError(folder: folder, errno: code)
    }
    self.descriptor = descriptor
  }

  /// Lets go of the lock; a save waiting for it goes on.
  public func release() { flock(descriptor, LOCK_UN) }

  deinit { close(descriptor) }
}

/// Why a `HeldFolderLock` could not lock its folder.
public struct HeldFolderLockError: Error, CustomStringConvertible {
  public let folder: String
  public let errno: Int32
  public var description: String { "cannot lock \(folder): \(String(cString: strerror(errno)))" }
}
