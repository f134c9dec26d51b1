import BcshModel
import Synchronization

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a file looked like when bcsh last read or wrote it: enough to notice that someone else
/// changed it since.
public struct FileFingerprint: Sendable, Hashable {
  public var device: UInt64
  public var inode: UInt64
  public var size: Int64
  public var modifiedSeconds: Int
  public var modifiedNanoseconds: Int
  /// A digest of the bytes bcsh read or wrote (nil when only `stat` was asked): a file whose
  /// timestamp or inode changed but whose content did not (`touch`, a copy of the same bytes, a
  /// sync tool) is still the file this session knows.
  public var contentDigest: UInt64?

  /// The fingerprint of the file at `path`, or nil when there is none.
  public static func of(_ path: String) -> FileFingerprint? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return FileFingerprint(info)
  }

  package init(_ info: stat, contentDigest: UInt64? = nil) {
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
    size = Int64(info.st_size)
    modifiedSeconds = Int(info.st_mtim.tv_sec)
    modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    self.contentDigest = contentDigest
  }

  /// Whether `stat` says the same as `other`, whatever either knows of the content.
  public func hasSameMetadata(as other: FileFingerprint) -> Bool {
    device == other.device && inode == other.inode && size == other.size
      && modifiedSeconds == other.modifiedSeconds && modifiedNanoseconds == other.modifiedNanoseconds
  }

  /// FNV-1a, 64 bits: enough to tell a changed file from an unchanged one (it guards against
  /// accidents, not against an adversary, who could simply write the file).
  /// Contiguous bytes (an array, a native string's UTF-8) are read through one buffer: the generic
  /// loop, not specialized across modules, cost 7% of a 100k-line replay (BENCHMARKS.md).
  package static func digest(of bytes: some Sequence<UInt8>) -> UInt64 {
    if let hash = bytes.withContiguousStorageIfAvailable({ digest(ofBuffer: $0) }) { return hash }
    var hash = offsetBasis
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
    return hash
  }

  private static func digest(ofBuffer bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash = offsetBasis
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
    return hash
  }

  private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  private static let prime: UInt64 = 0x0000_0100_0000_01b3
}
