import NIOCore
import Synchronization

/// The connections a sandbox server has open, at most `limit` at once; safe from any thread (the
/// event loops admit, `stop()` closes).
final class OpenConnections: Sendable {
  let limit: Int
  private let channels = Mutex<[ObjectIdentifier: any Channel]>([:])

  init(limit: Int) {
    self.limit = limit
  }

  /// Counts `channel` in unless `limit` connections are open already; it counts itself out when
  /// it closes.
  func admit(_ channel: any Channel) -> Bool {
    let id = ObjectIdentifier(channel)
    let admitted = channels.withLock { open -> Bool in
      guard open.count < limit else { return false }
      open[id] = channel
      return true
    }
    if admitted {
      channel.closeFuture.whenComplete { _ in self.channels.withLock { _ = $0.removeValue(forKey: id) } }
    }
    return admitted
  }

  /// Every connection open now, no longer counted.
  func removeAll() -> [any Channel] {
    channels.withLock { open in
      defer { open.removeAll() }
      return Array(open.values)
    }
  }
}
