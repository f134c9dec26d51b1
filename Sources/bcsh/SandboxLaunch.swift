import BcshFormats
import BcshModel
import BcshPorts
import BcshSandbox
import BcshShell
import BcshVerify

/// The sandbox started inside a `bcsh --sandbox` run: its address, the `SANDBOX_*` session
/// variables that name its demo store and tokens, and its full listing for `sandbox show`.
struct SandboxLaunch {
  let server: SandboxServer
  let variables: [String: String]
  let listing: SandboxListing

  /// Starts the demo sandbox on an ephemeral loopback port and prints its short banner to stderr.
  static func start(configuration: SandboxConfiguration = .demo) async throws -> SandboxLaunch {
    let server = SandboxServer(configuration: configuration)
    _ = try await server.start()
    let baseURL = server.baseURL
    var variables = [
      "SANDBOX_API_BASE": baseURL,
      "SANDBOX_STORE_HASH": configuration.stores.first?.hash ?? "",
    ]
    if let account = configuration.accounts.first { variables["SANDBOX_ACCOUNT_UUID"] = account.uuid }
    for token in configuration.tokens {
      let prefix = "SANDBOX_" + token.name.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" } + "_"
      variables[prefix + "ACCESS_TOKEN"] = token.accessToken
      variables[prefix + "CLIENT_ID"] = token.clientID
      variables[prefix + "CLIENT_SECRET"] = token.clientSecret
    }
    let listing = SandboxListing(
      text: { width, mask in
        SandboxBanner.text(for: configuration, baseURL: baseURL, width: width, mask: mask)
      },
      json: { mask in SandboxBanner.json(for: configuration, baseURL: baseURL, mask: mask) },
      secrets: Set(configuration.tokens.flatMap { [$0.accessToken, $0.clientSecret] }))
    StandardStreams().writeError(SandboxBanner.short(for: configuration, baseURL: baseURL) + "\n")
    return SandboxLaunch(server: server, variables: variables, listing: listing)
  }
}
