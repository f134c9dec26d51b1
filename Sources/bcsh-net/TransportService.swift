import BcshFormats
import BcshHTTP
import BcshPorts
import BcshProcesses
import Dispatch
import Synchronization

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// `bcsh-net transport`: reads ``TransportFrame`` requests and cancellations from standard input
/// (bcsh's socket) and answers each request, as soon as it has its answer, on standard output.
/// Requests run concurrently, each until its own deadline. At end of input it cancels what is
/// still under way and exits.
enum TransportService {
  static func run(caBundle: String?) async -> Int32 {
    let transport = AsyncHTTPTransport(trustRootsPEMFile: caBundle)
    let running = RunningRequests()
    for await frame in InputFrames.read() {
      switch frame {
      case .request(let id, let request, let timeout):
        let deadline = ContinuousClock.now.advanced(by: timeout)
        running.start(id) {
          let answer: TransportFrame
          do {
            answer = .response(id: id, try await transport.send(request, deadline: deadline))
          } catch let error as TransportError {
            answer = .failure(id: id, error)
          } catch is CancellationError {
            return  // bcsh stopped waiting: it expects no answer.
          } catch {
            answer = .failure(id: id, .other("\(error)"))
          }
          Output.write(answer.encoded())
        }
      case .cancel(let id):
        running.cancel(id)
      case .response, .failure:
        continue
      }
    }
    running.cancelAll()
    await transport.shutdown()
    return 0
  }
}

/// The requests under way, by number, so that a cancellation finds its task.
private final class RunningRequests: Sendable {
  private let state = Mutex<(tasks: [UInt64: Task<Void, Never>], finished: Set<UInt64>)>(([:], []))

  func start(_ id: UInt64, _ work: @escaping @Sendable () async -> Void) {
    let task = Task {
      await work()
      state.withLock { state in
        if state.tasks.removeValue(forKey: id) == nil { state.finished.insert(id) }
      }
    }
    state.withLock { state in
      if state.finished.remove(id) == nil { state.tasks[id] = task }
    }
  }

  func cancel(_ id: UInt64) {
    state.withLock { $0.tasks.removeValue(forKey: id) }?.cancel()
  }

  func cancelAll() {
    let tasks = state.withLock { state in
      defer { state.tasks = [:] }
      return Array(state.tasks.values)
    }
    for task in tasks { task.cancel() }
  }
}

/// Standard output (bcsh's socket), written a whole frame at a time under a lock. A write that
/// fails means bcsh is gone; end of input follows.
private enum Output {
  private static let lock = Mutex(())

  static func write(_ bytes: [UInt8]) {
    lock.withLock { _ in _ = SocketIO.sendAll(bytes, to: STDOUT_FILENO) }
  }
}

/// The frames on standard input, read on a thread of their own; the stream ends at end of input
/// or at a malformed frame.
private enum InputFrames {
  static func read() -> AsyncStream<TransportFrame> {
    AsyncStream { continuation in
      DispatchQueue(label: "bcsh-net.input").async {
        var buffer = TransportFrameBuffer()
        reading: while true {
          let bytes = SocketIO.receive(from: STDIN_FILENO)
          guard !bytes.isEmpty else { break }
          buffer.append(bytes)
          do {
            while let frame = try buffer.next() { continuation.yield(frame) }
          } catch {
            break reading
          }
        }
        continuation.finish()
      }
    }
  }
}
