import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify
import Foundation

/// How long matching a request to the endpoint catalog takes: every template with concrete ids, each
/// looked up `rounds` times, and `scope need` over a file of 10,000 requests. The target is a p99
/// under 20 µs a match, so that completion and large access logs stay instant.
enum EndpointBenchmark {
  static let rounds = 200

  /// The template with each `{...}` segment replaced by a concrete id.
  static func concrete(_ template: String) -> String {
    template.split(separator: "/", omittingEmptySubsequences: false).map {
      $0.hasPrefix("{") ? "77" : String($0)
    }.joined(separator: "/")
  }

  static func run() async throws {
    let requests = EndpointCatalog.all.map { APIRequest(method: $0.method, path: concrete($0.template)) }
    let clock = ContinuousClock()
    var durations: [Duration] = []
    var found = 0
    for round in 0...rounds {
      for request in requests {
        let start = clock.now
        let endpoint = EndpointCatalog.endpoint(request.method, request.path)
        let elapsed = clock.now - start
        if round > 0 {
          durations.append(elapsed)
          if endpoint != nil { found += 1 }
        }
      }
    }
    durations.sort()
    let many = (0..<10_000).map { requests[$0 % requests.count] }
    let start = clock.now
    let need = try ScopeNeed.resolve(many)
    let resolveTime = clock.now - start
    func microseconds(_ duration: Duration) -> String {
      let (seconds, attoseconds) = duration.components
      return String(format: "%.2f µs", Double(seconds) * 1e6 + Double(attoseconds) / 1e12)
    }
    let p99 = durations[Int(Double(durations.count) * 0.99) - 1]
    print(
      """
      endpoints: \(durations.count) matches (\(rounds) rounds over \(requests.count) endpoints, \(found) found)
        p50 \(microseconds(durations[durations.count / 2]))
        p99 \(microseconds(p99))
        max \(microseconds(durations.last ?? .zero))
        target p99 < 20 µs: \(p99 < .microseconds(20) ? "met" : "MISSED")
        scope need over 10,000 requests: \(microseconds(resolveTime)) (\(need.grants.count) scopes)
      """)
  }
}
