import BcshProcesses
import BcshSandbox
import BcshSandboxData
import Dispatch

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// `bcsh-net sandbox`: the demo sandbox of `bcsh --sandbox`. Writes one line, `ok BASE_URL` or
/// `error REASON`, then serves until its standard input (bcsh's socket) ends.
enum SandboxService {
  static func run() async -> Int32 {
    let server = SandboxServer(configuration: .demo)
    do {
      _ = try await server.start()
    } catch {
      say("error \(error)")
      return 2
    }
    say("ok \(server.baseURL)")
    await withCheckedContinuation { (ended: CheckedContinuation<Void, Never>) in
      DispatchQueue(label: "bcsh-net.sandbox").async {
        while !SocketIO.receive(from: STDIN_FILENO).isEmpty {}
        ended.resume()
      }
    }
    try? await server.stop()
    return 0
  }

  private static func say(_ line: String) {
    let text = line.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ") + "\n"
    _ = SocketIO.sendAll(Array(text.utf8), to: STDOUT_FILENO)
  }
}
