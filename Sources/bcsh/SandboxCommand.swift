import ArgumentParser

/// `bcsh sandbox serve`: the sandbox API for other programs to use.
struct SandboxCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bcsh sandbox",
    abstract: "The built-in sandbox: a local API that behaves like BigCommerce.",
    subcommands: [SandboxServe.self]
  )
}

struct SandboxServe: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve", abstract: "Serve the sandbox API on a loopback port until interrupted.")

  @Option(help: "The port (0 picks a free one).")
  var port: Int = 0

  @Option(help: "The loopback address to listen on.")
  var host: String = "127.0.0.1"

  @Option(help: ArgumentHelp("A JSON file with stores and tokens (default: the demo).", valueName: "FILE"))
  var config: String?

  @Option(help: ArgumentHelp("Delay before every response.", valueName: "MS"))
  var latency: Int?

  @Option(help: ArgumentHelp("Requests per rate-limit window per store.", valueName: "N"))
  var quota: Int?

  @Option(help: ArgumentHelp("PEM certificate chain: serve https.", valueName: "FILE"))
  var tlsCert: String?

  @Option(help: ArgumentHelp("PEM private key for --tls-cert.", valueName: "FILE"))
  var tlsKey: String?

  func run() async throws {
    throw ValidationError("the sandbox is not built into this version yet")
  }
}
