// `bcsh-benchmarks NAME`: runs one benchmark and prints its numbers. Not a test: nothing here
// fails a build; the numbers are for people.
import Foundation

/// One benchmark the executable can run.
struct Benchmark {
  let name: String
  let summary: String
  let run: () async throws -> Void
}

let benchmarks = [
  Benchmark(
    name: "completion", summary: "latency of Tab completion over every prefix of lines covering the catalog",
    run: CompletionBenchmark.run),
  Benchmark(
    name: "endpoints", summary: "matching concrete request paths to the endpoint catalog's templates",
    run: EndpointBenchmark.run),
  Benchmark(
    name: "verify",
    summary: "verify wall time for all catalog scopes against the sandbox, by latency and concurrency",
    run: VerifyBenchmark.run),
]

let arguments = Swift.CommandLine.arguments.dropFirst()
guard let name = arguments.first, let benchmark = benchmarks.first(where: { $0.name == name }) else {
  var usage = "usage: bcsh-benchmarks NAME\n\nbenchmarks:\n"
  for benchmark in benchmarks { usage += "  \(benchmark.name)  \(benchmark.summary)\n" }
  FileHandle.standardError.write(Data(usage.utf8))
  exit(64)
}
try await benchmark.run()
