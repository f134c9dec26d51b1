import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import Dispatch
import Synchronization

/// The channels of each store, as `GET /v3/channels` listed them for a token of the session: what
/// Tab offers after `token mint ... --channel`. Asked once per store and shell, with a short
/// deadline, since the line editor waits for the answer; a token that cannot read channels (or no
/// answer in time) offers none, and is not asked again.
final class ChannelDirectory: Sendable {
  private let known = Mutex<[String: [StorefrontTokenClient.Channel]]>([:])

  /// How long Tab waits for the API.
  static let deadline = Duration.seconds(3)

  /// The channels `token` can list; [] when it cannot (or is not a store-level API account).
  func channels(
    of token: Token, makeTransport: @Sendable () throws -> any HTTPTransport, clock: any PacingClock,
    apiBase: String
  ) -> [StorefrontTokenClient.Channel] {
    guard token.storefront == nil, case .store(let hash)? = token.apiPath, let secret = token.accessToken
    else {
      return []
    }
    if let channels = known.withLock({ $0[hash] }) { return channels }
    guard let transport = try? makeTransport() else { return [] }
    let client = StorefrontTokenClient(transport: transport, apiBase: apiBase, clock: clock)
    let answer = Mutex<[StorefrontTokenClient.Channel]>([])
    let done = DispatchSemaphore(value: 0)
    // On a queue of its own, not the shared pool of tasks: the caller waits, blocking its thread,
    // and that thread may be the pool's last free one.
    Task(executorPreference: Self.executor) {
      let channels = try? await client.channels(storeHash: hash, accessToken: secret, timeout: Self.deadline)
      answer.withLock { $0 = channels ?? [] }
      await transport.shutdown()
      done.signal()
    }
    _ = done.wait(timeout: .now() + .seconds(4))
    let channels = answer.withLock { $0 }
    known.withLock { $0[hash] = channels }
    return channels
  }

  private static let executor = QueueExecutor()
}
