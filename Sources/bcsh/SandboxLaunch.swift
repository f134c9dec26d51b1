import BcshCore
import BcshSandbox

/// The sandbox started inside a `bcsh --sandbox` run: its address and the `SANDBOX_*` variables
/// that name its demo store and tokens.
struct SandboxLaunch {
  let server: SandboxServer
  let variables: [String: String]

  /// Starts the demo sandbox on an ephemeral loopback port and prints its banner to stderr.
  static func start(configuration: SandboxConfiguration = .demo) async throws -> SandboxLaunch {
    let server = SandboxServer(configuration: configuration)
    _ = try await server.start()
    var variables = [
      "SANDBOX_API_BASE": server.baseURL,
      "SANDBOX_STORE_HASH": configuration.stores.first?.hash ?? "",
    ]
    if let account = configuration.accounts.first { variables["SANDBOX_ACCOUNT_UUID"] = account.uuid }
    for token in configuration.tokens {
      let prefix = "SANDBOX_" + token.name.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" } + "_"
      variables[prefix + "ACCESS_TOKEN"] = token.accessToken
      variables[prefix + "CLIENT_ID"] = token.clientID
      variables[prefix + "CLIENT_SECRET"] = token.clientSecret
    }
    StandardStreams().writeError(
      SandboxBanner.text(for: configuration, baseURL: server.baseURL)
        + "variables: \(variables.keys.sorted().joined(separator: " "))\n\n")
    return SandboxLaunch(server: server, variables: variables)
  }
}
