import BcshModel
import BcshPorts
import Synchronization

/// Runs `operation`, giving up with ``TransportError/timeout`` at `deadline`, and with
/// `CancellationError` at once when the calling task is cancelled (Ctrl-C).
///
/// The operation runs in a task of its own that is cancelled, but not awaited, when the deadline
/// or the cancellation wins: AsyncHTTPClient's deadline stops applying once the response head
/// has arrived, and a connection still being made (a SYN nobody answers, a TLS handshake the
/// server never finishes) outlives the cancellation of its request. Neither may hold verify past
/// its one deadline (README, What verify does).
func withDeadline<Value: Sendable>(
  _ deadline: ContinuousClock.Instant, _ operation: @escaping @Sendable () async throws -> Value
) async throws -> Value {
  let race = DeadlineRace<Value>()
  return try await withTaskCancellationHandler {
    try await withCheckedThrowingContinuation { continuation in
      race.start(continuation, deadline: deadline, operation)
    }
  } onCancel: {
    race.finish(.failure(CancellationError()))
  }
}

/// The operation, the deadline and a cancellation racing to end one call: the first to finish
/// resumes the caller; the tasks still running are cancelled.
private final class DeadlineRace<Value: Sendable>: Sendable {
  private struct State {
    var continuation: CheckedContinuation<Value, any Error>?
    var finished = false
    var tasks: [Task<Void, Never>] = []
  }

  private let state = Mutex(State())

  func start(
    _ continuation: CheckedContinuation<Value, any Error>, deadline: ContinuousClock.Instant,
    _ operation: @escaping @Sendable () async throws -> Value
  ) {
    let alreadyCancelled = state.withLock { state -> Bool in
      if state.finished { return true }
      state.continuation = continuation
      return false
    }
    guard !alreadyCancelled else {
      continuation.resume(throwing: CancellationError())
      return
    }
    let work = Task.detached {
      do {
        self.finish(.success(try await operation()))
      } catch {
        self.finish(.failure(error))
      }
    }
    let timer = Task.detached {
      try? await Task.sleep(until: deadline, clock: .continuous)
      self.finish(.failure(TransportError.timeout))
    }
    let late = state.withLock { state -> Bool in
      state.tasks = [work, timer]
      return state.finished
    }
    if late {
      work.cancel()
      timer.cancel()
    }
  }

  /// Ends the call with `result` unless something ended it first.
  func finish(_ result: Result<Value, any Error>) {
    let (continuation, tasks) = state.withLock {
      state -> (CheckedContinuation<Value, any Error>?, [Task<Void, Never>]) in
      guard !state.finished else { return (nil, []) }
      state.finished = true
      defer { state.continuation = nil }
      return (state.continuation, state.tasks)
    }
    for task in tasks { task.cancel() }
    continuation?.resume(with: result)
  }
}
