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
/// The deadline goes with the request as the time left, and the helper keeps it; bcsh keeps it
/// too, a moment later (``grace``), so that a helper that stops answering (stopped, wedged) cannot
/// hold a request past it. A cancelled task (Ctrl-C) stops waiting at once, and the helper is told
/// to stop the request if it has it. If the helper ends early, every waiting request fails with a
/// ``TransportError``: none waits for an answer that cannot come.
public final class HelperTransport: HTTPTransport {
  /// How long after a request's deadline bcsh stops waiting for the helper to say so itself.
  public static let grace = Duration.seconds(1)

  private let process: HelperProcess
  private let shared = Shared()

  /// What the requests, the timers and the reader thread share.
  private final class Shared: Sendable {
    let state = Mutex(State())
    /// The requests whose frame has been written, so that a cancellation is sent only for those,
    /// and always after them. Held while a frame is written: writes go out whole and in order.
    let written = Mutex(Set<UInt64>())
  }

  private enum Entry {
    /// Numbered, not yet waiting.
    case starting
    /// Cancelled before it waited: it must not be sent.
    case cancelled
    case waiting(CheckedContinuation<HTTPResponse, any Error>)
  }

  private struct State {
    var nextID: UInt64 = 1
    var entries: [UInt64: Entry] = [:]
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
    let timeout = TransportFrame.timeout(until: deadline)
    let id = shared.state.withLock { state in
      defer { state.nextID += 1 }
      state.entries[state.nextID] = .starting
      return state.nextID
    }
    let timer = DispatchWorkItem { [shared, process] in
      Self.finish(id, with: TransportError.timeout, shared: shared, process: process)
    }
    defer {
      timer.cancel()
      _ = shared.written.withLock { $0.remove(id) }
    }
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        let refusal = shared.state.withLock { state -> (any Error)? in
          let entry = state.entries[id]
          if case .cancelled = entry {
            state.entries[id] = nil
            return CancellationError()
          }
          if let ended = state.ended {
            state.entries[id] = nil
            return ended
          }
          if state.shutDown {
            state.entries[id] = nil
            return TransportError.other("the HTTP client was already shut down")
          }
          state.entries[id] = .waiting(continuation)
          return nil
        }
        if let refusal {
          continuation.resume(throwing: refusal)
          return
        }
        DispatchQueue.global().asyncAfter(
          deadline: .now() + .nanoseconds(Int((timeout + Self.grace).wholeNanoseconds)), execute: timer)
        let frame = TransportFrame.request(id: id, request, timeout: timeout).encoded()
        shared.written.withLock { written in
          // Not sent when it stopped waiting before this (cancelled, or past its deadline).
          let stillWaiting = shared.state.withLock { state in
            if case .waiting = state.entries[id] { return true }
            return false
          }
          guard stillWaiting else { return }
          if process.write(frame) {
            written.insert(id)
          } else {
            // The helper is gone; its reader fails every waiting request, this one with them.
            process.finishWriting()
          }
        }
      }
    } onCancel: {
      Self.finish(id, with: CancellationError(), shared: shared, process: process)
    }
  }

  /// Ends request `id` with `error` unless it already has its answer: bcsh stops waiting, and the
  /// helper is told to stop it if its frame went out.
  private static func finish(_ id: UInt64, with error: any Error, shared: Shared, process: HelperProcess) {
    let waiting = shared.state.withLock { state -> CheckedContinuation<HTTPResponse, any Error>? in
      switch state.entries[id] {
      case .starting:
        state.entries[id] = .cancelled
        return nil
      case .waiting(let continuation):
        state.entries[id] = nil
        return continuation
      case .cancelled, nil:
        return nil
      }
    }
    guard let waiting else { return }
    waiting.resume(throwing: error)
    shared.written.withLock { written in
      if written.remove(id) != nil { _ = process.write(TransportFrame.cancel(id: id).encoded()) }
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

  deinit { process.finishWriting() }

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
          let continuation = shared.state.withLock { state -> CheckedContinuation<HTTPResponse, any Error>? in
            guard case .waiting(let continuation) = state.entries[id] else { return nil }
            state.entries[id] = nil
            return continuation
          }
          continuation?.resume(with: outcome)
        }
      } catch {
        broken = error.description
        break reading
      }
    }
    process.finishWriting()
    let status = process.wait()
    let shutDown = shared.state.withLock { $0.shutDown }
    let error: TransportError =
      if let broken {
        .other("bcsh's network helper (bcsh-net) sent \(broken)")
      } else if shutDown {
        .other("the HTTP client was already shut down")
      } else {
        .other("bcsh's network helper (bcsh-net) ended with status \(status)")
      }
    let waiting = shared.state.withLock { state in
      state.ended = error
      let waiting = state.entries.values.compactMap { entry in
        if case .waiting(let continuation) = entry { return continuation }
        return nil
      }
      state.entries = state.entries.filter {
        if case .waiting = $0.value { return false } else { return true }
      }
      return waiting
    }
    for continuation in waiting { continuation.resume(throwing: error) }
  }
}
