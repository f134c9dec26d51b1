import ArgumentParser
import BcshCommandLine
import BcshFormats
import BcshModel
import BcshPorts
import BcshProgram
import BcshSandbox
import BcshSandboxData
import BcshShell
import BcshVerify
import Dispatch
import Synchronization

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `bcsh sandbox serve`, run: the declaration and its checks are BcshCommandLine's.
extension SandboxServe {
  /// Serves until SIGINT (status 130) or SIGTERM (0).
  func serve() async throws {
    var configuration = SandboxConfiguration.demo
    var text: String?
    if let config {
      // Through AtomicFile, as every file bcsh reads: a FIFO or a device is refused, not waited on.
      do throws(BcshError) {
        text = try AtomicFile.read(config)
      } catch {
        throw Self.startFailure(error.message, hint: error.hint)
      }
    }
    do {
      if let config, let text { configuration = try SandboxConfiguration.load(json: text, from: config) }
      if let latency { configuration.latencyMilliseconds = latency }
      if let quota { configuration.quota = quota }
      try configuration.validate()
    } catch {
      throw Self.startFailure("\(error)", hint: nil)
    }
    var tls: SandboxTLS?
    if let tlsCert, let tlsKey {
      do throws(BcshError) {
        tls = SandboxTLS(
          certificateChainPEM: try AtomicFile.read(tlsCert), privateKeyPEM: try AtomicFile.read(tlsKey),
          certificateChainName: tlsCert, privateKeyName: tlsKey)
      } catch {
        throw Self.startFailure(error.message, hint: error.hint)
      }
    }
    let server = SandboxServer(configuration: configuration, host: host, port: port, tls: tls)
    do {
      _ = try await server.start()
    } catch let error as SandboxError {
      // A host that is not loopback is a wrong option; a busy port or a bad certificate is not.
      if case .nonLoopbackHost = error { throw ValidationError("cannot start the sandbox: \(error)") }
      throw Self.startFailure("\(error)", hint: error.hint)
    } catch {
      throw Self.startFailure("\(error)", hint: nil)
    }
    StandardStreams().writeOutput(
      SandboxBanner.text(
        for: configuration, baseURL: server.baseURL, width: StandardStreams.standardOutputColumns))
    let signal = await SignalWait.first(of: [SIGINT, SIGTERM])
    try? await server.stop()
    throw ExitCode(signal == SIGINT ? 130 : 0)
  }

  /// Reports why the server could not start, as a command failure (exit 2), not a usage error.
  private static func startFailure(_ reason: String, hint: String?) -> ExitCode {
    StandardStreams().writeFailure("error: cannot start the sandbox: \(reason)", hint: hint)
    return ExitCode(2)
  }
}

/// Waits for the first of some signals, without a handler that could interrupt anything else.
enum SignalWait {
  static func first(of signals: [Int32]) async -> Int32 {
    var sources: [any DispatchSourceSignal] = []
    let first = await withCheckedContinuation { continuation in
      let once = Once(continuation)
      for number in signals {
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { once.resume(number) }
        source.resume()
        sources.append(source)
      }
    }
    // The sources watch only while they live: until the first signal came.
    withExtendedLifetime(sources) {}
    return first
  }

  /// Resumes its continuation once, whichever signal comes first.
  private final class Once: Sendable {
    private let continuation: Mutex<CheckedContinuation<Int32, Never>?>

    init(_ continuation: CheckedContinuation<Int32, Never>) { self.continuation = Mutex(continuation) }

    func resume(_ number: Int32) {
      let pending = continuation.withLock { continuation -> CheckedContinuation<Int32, Never>? in
        defer { continuation = nil }
        return continuation
      }
      pending?.resume(returning: number)
    }
  }
}
