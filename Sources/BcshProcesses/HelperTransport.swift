import BcshFormats
import BcshModel
import BcshPorts
import Dispatch
import Synchronization

/// bcsh's ``HTTPTransport``: each request goes to `bcsh-net` (``NetworkHelper``), which sends it
/// with AsyncHTTPClient under the same rules (no redirects, bodies cut at 1 MiB, https only but
/// for loopback, `BCSH_CA_BUNDLE`) and answers with the response or the ``TransportError``. Many
/// requests may be under way at once; each has a number, and a thread of its own reads the answers
/// and hands each to the request that waits for it.
///
/// The deadline goes with the request as the time left, and the helper keeps it. A cancelled task
/// (Ctrl-C) stops waiting at once and tells the helper to stop that request. If the helper ends
/// early, every waiting request fails with a ``TransportError``: none waits for an answer that
/// cannot come.
public final class HelperTransport: HTTPTransport {
  private let process: HelperProcess
  private let shared = Shared()

  /// What the requests and the reader thread share.
  private final class Shared: Sendable {
    let state = Mutex(State())
  }

  private struct State {
    var nextID: UInt64 = 1
    var waiting: [UInt64: CheckedContinuation<HTTPResponse, any Error>] = [:]
    /// Requests cancelled before they were registered.
    var cancelled: Set<UInt64> = []
    /// Set when the helper's answers ended: why no more can come.
    var ended: TransportError?
    var shutDown = false
  }

  /// Starts `helper` for requests, trusting the certificates of `caBundle` (`BCSH_CA_BUNDLE`, as
  /// it is: empty or unusable is the helper's to say on every request).
  public init(helper: NetworkHelper, caBundle: String?) throws(BcshError) {
    process = try helper.start(["transport"] + (caBundle.map { ["--ca-bundle", $0] } ?? []))
    let reader = DispatchQueue(label: "bcsh.helper-transport.reader")
    reader.async { [process, shared] in Self.readAnswers(from: process, into: shared) }
  }

  /// The helper's process ID.
  public var helperProcessID: Int32 { process.pid }

  public func send(_ request: HTTPRequest, deadline: ContinuousClock.Instant) async throws -> HTTPResponse {
    let timeout = max(.zero, ContinuousClock.now.duration(to: deadline))
    let id = shared.state.withLock { state in
      defer { state.nextID += 1 }
      return state.nextID
    }
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        let refusal = shared.state.withLock { state -> (any Error)? in
          if state.cancelled.remove(id) != nil { return CancellationError() }
          if let ended = state.ended { return ended }
          if state.shutDown { return TransportError.other("the HTTP client was already shut down") }
          state.waiting[id] = continuation
          return nil
        }
        if let refusal {
          continuation.resume(throwing: refusal)
        } else if !process.write(TransportFrame.request(id: id, request, timeout: timeout).encoded()) {
          // The helper is gone; its reader fails every waiting request, this one with them.
          process.finishWriting()
        }
      }
    } onCancel: {
      let waiting = shared.state.withLock { state in
        guard let continuation = state.waiting.removeValue(forKey: id) else {
          state.cancelled.insert(id)
          return nil as CheckedContinuation<HTTPResponse, any Error>?
        }
        return continuation
      }
      if let waiting {
        _ = process.write(TransportFrame.cancel(id: id).encoded())
        waiting.resume(throwing: CancellationError())
      }
    }
  }

  /// Tells the helper that no more requests come; it stops what is under way and exits, and the
  /// reader thread then reaps it. Returns without waiting.
  public func shutdown() async {
    let first = shared.state.withLock { state in
      defer { state.shutDown = true }
      return !state.shutDown
    }
    if first { process.finishWriting() }
  }

  deinit {
    let shutDown = shared.state.withLock { $0.shutDown }
    if !shutDown { process.finishWriting() }
  }

  /// The reader thread: hands each answer to its request until the helper's output ends, then
  /// fails those still waiting and reaps the helper.
  private static func readAnswers(from process: HelperProcess, into shared: Shared) {

    var buffer = TransportFrameBuffer()
    var broken: String?
    reading: while true {
      let bytes = process.read()
      if bytes.isEmpty { break }
      buffer.append(bytes)
      do {
        while let frame = try buffer.next() {
          let (id, outcome): (UInt64, Result<HTTPResponse, any Error>)
          switch frame {
          case .response(let number, let response): (id, outcome) = (number, .success(response))
          case .failure(let number, let error): (id, outcome) = (number, .failure(error))
          case .request, .cancel: continue
          }
          let continuation = shared.state.withLock { $0.waiting.removeValue(forKey: id) }
          continuation?.resume(with: outcome)
        }
      } catch {
        broken = error.description
        process.finishWriting()
        break reading
      }
    }
    let shutDown = shared.state.withLock { $0.shutDown }
    let reason =
      broken.map { "bcsh's network helper sent \($0)" }
      ?? (shutDown
        ? "the HTTP client was already shut down" : "bcsh's network helper (bcsh-net) ended unexpectedly")
    let waiting = shared.state.withLock { state in
      state.ended = .other(reason)
      defer { state.waiting = [:] }
      return Array(state.waiting.values)
    }
    process.finishWriting()
    let status = process.wait()
    let error =
      broken == nil && !shutDown && status != 0
      ? TransportError.other("bcsh's network helper (bcsh-net) ended with status \(status)")
      : TransportError.other(reason)
    for continuation in waiting { continuation.resume(throwing: error) }
  }
}
