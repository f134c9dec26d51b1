import ArgumentParser

/// `bcsh sandbox serve`: the sandbox API for other programs to use. The executable serves it.
public struct SandboxServe: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "serve", abstract: "Serve the sandbox API on a loopback port until interrupted.")

  @Option(help: ArgumentHelp("The TCP port to listen on; 0 picks a free one.", valueName: "N"))
  public var port: Int = 0

  @Option(
    help: ArgumentHelp("The loopback address to listen on.", valueName: "ADDR"),
    // Suggestions only: any loopback address will do.
    completion: .list(["127.0.0.1", "::1", "localhost"]))
  public var host: String = "127.0.0.1"

  @Option(
    help: ArgumentHelp(
      "A JSON file with the stores and tokens to serve, instead of the demo ones.", valueName: "FILE"),
    completion: .file())
  public var config: String?

  @Option(help: ArgumentHelp("Delay before every response, in milliseconds.", valueName: "MS"))
  public var latency: Int?

  @Option(help: ArgumentHelp("Requests per rate-limit window per store.", valueName: "N"))
  public var quota: Int?

  @Option(
    help: ArgumentHelp("Serve https with this PEM certificate chain (and --tls-key).", valueName: "FILE"),
    completion: .file())
  public var tlsCert: String?

  @Option(help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "FILE"), completion: .file())
  public var tlsKey: String?

  public init() {}

  public func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
    guard (tlsCert == nil) == (tlsKey == nil) else {
      throw ValidationError("--tls-cert and --tls-key go together")
    }
    if let latency, latency < 0 { throw ValidationError("--latency must be 0 or more") }
    if let quota, quota < 1 { throw ValidationError("--quota must be 1 or more") }
  }
}
