import Foundation

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// A loopback port that takes connections (the kernel completes them from its backlog) and never
/// answers: a request to it waits until its deadline, and nobody else can bind the port meanwhile.
/// Closed when dropped.
///
/// `fillingTheBacklog` makes it a listener whose backlog is full: it never accepts, and enough
/// connections of its own wait in its queue that the kernel drops every further SYN, so a client's
/// connect never completes (a firewall that drops packets looks the same).
public final class SilentListener: @unchecked Sendable {
  private let descriptor: Int32
  private var fillers: [Int32] = []
  public let port: Int

  public init(fillingTheBacklog: Bool = false) throws {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let listening = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
        bind(descriptor, generic, length) == 0 && listen(descriptor, fillingTheBacklog ? 0 : 8) == 0
          && getsockname(descriptor, generic, &length) == 0
      }
    }
    guard descriptor >= 0, listening else {
      if descriptor >= 0 { close(descriptor) }
      throw SilentListenerError(errno: errno)
    }
    self.descriptor = descriptor
    port = Int(UInt16(bigEndian: address.sin_port))
    if fillingTheBacklog {
      // A backlog of 0 holds one connection; a few more make sure that the queue is full.
      for _ in 0..<3 {
        let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard filler >= 0 else { continue }
        withUnsafePointer(to: &address) { pointer in
          pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
            _ = connect(filler, generic, socklen_t(MemoryLayout<sockaddr_in>.size))
          }
        }
        fillers.append(filler)
      }
      usleep(100_000)
    }
  }

  deinit {
    for filler in fillers { close(filler) }
    close(descriptor)
  }
}

/// Why a `SilentListener` could not listen.
public struct SilentListenerError: Error, CustomStringConvertible {
  public let errno: Int32
  public var description: String { "cannot listen on loopback: \(String(cString: strerror(errno)))" }
}
