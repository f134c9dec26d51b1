import BcshFormats
import BcshHTTP
import BcshModel
import BcshPorts
import BcshSandbox
import BcshSandboxData
import BcshShell
import BcshVerify
import Foundation

/// Wall time of `verify --scopes all` against the sandbox with injected latency L and probe
/// concurrency C. The floor is one liveness round trip plus ceil(N / C) rounds of probes:
/// (1 + ceil(N / C)) x L; the target is within 20 % of it.
enum VerifyBenchmark {
  static func run() async throws {
    let probes = ScopeCatalog.scopes(for: .store).filter { $0.probe != nil }.count
    print("verify --scopes all: N = \(probes) probes, median of 5 runs per row (debug builds are slower)")
    print("L (ms)  C  floor (ms)  median (ms)  over floor")
    for (latency, concurrency) in [(50, 1), (50, 4), (50, 8), (100, 4), (100, 16)] {
      var configuration = SandboxConfiguration.demo
      configuration.latencyMilliseconds = latency
      configuration.quota = 1_000_000
      let server = SandboxServer(configuration: configuration)
      _ = try await server.start()
      let transport = AsyncHTTPTransport()
      let verifier = Verifier(
        transport: transport, apiBase: server.baseURL, concurrency: concurrency, now: Date())
      let token = try fullToken(configuration)
      var times: [Duration] = []
      for _ in 0..<5 {
        let started = ContinuousClock.now
        let report = await verifier.verify(token, scopes: .all, timeout: .seconds(120))
        times.append(ContinuousClock.now - started)
        guard report.passed else {
          throw BenchmarkFailure("verify did not pass: \(String(describing: report.diagnosis))")
        }
      }
      await transport.shutdown()
      try await server.stop()
      let median = times.sorted()[times.count / 2]
      let floor = Duration.milliseconds((1 + (probes + concurrency - 1) / concurrency) * latency)
      let over = (median / floor - 1) * 100
      print(
        String(
          format: "%6d %2d %11d %12.1f %10.1f %%", latency, concurrency, milliseconds(floor), exact(median),
          over))
    }
  }

  private static func fullToken(_ configuration: SandboxConfiguration) throws -> Token {
    guard let demo = configuration.token(named: "full") else {
      throw BenchmarkFailure("no demo token 'full'")
    }
    var token = Token(name: "benchmark", kind: .store)
    token.apiPath = .store(hash: SandboxConfiguration.demoStoreHash)
    token.accessToken = Secret(demo.accessToken)
    return token
  }

  private static func milliseconds(_ duration: Duration) -> Int { Int(exact(duration)) }

  private static func exact(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
  }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
