import BcshFormats
import BcshModel
import BcshPorts
import BcshProcesses
import BcshProgram
import BcshSandboxData
import BcshShell
import BcshVerify

/// The sandbox started for a `bcsh --sandbox` run: its address, the `SANDBOX_*` session
/// variables that name its demo store and tokens, and its full listing for `sandbox show`. The
/// server runs in bcsh's network helper (`bcsh-net sandbox`), which serves until bcsh closes its
/// socket or exits.
struct SandboxLaunch {
  let helper: HelperProcess
  let baseURL: String
  let variables: [String: String]
  let listing: SandboxListing

  /// Starts the demo sandbox on an ephemeral loopback port and prints its short banner to stderr.
  static func start(configuration: SandboxConfiguration = .demo) throws(BcshError) -> SandboxLaunch {
    let helper: HelperProcess
    do throws(BcshError) {
      helper = try NetworkHelper.installed().start(["sandbox"])
    } catch {
      throw BcshError("cannot start the sandbox: " + error.message, code: error.code, hint: error.hint)
    }
    // One line: `ok BASE_URL` once it listens, or `error REASON`; a helper that says neither in
    // time (stopped, wedged) is ended.
    var line: [UInt8] = []
    let deadline = ContinuousClock.now + Self.startLimit
    var late = false
    while !line.contains(UInt8(ascii: "\n")) {
      guard let bytes = helper.read(within: ContinuousClock.now.duration(to: deadline)) else {
        late = true
        break
      }
      guard !bytes.isEmpty, line.count < 4096 else { break }
      line += bytes
    }
    let answer = String(decoding: line.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    guard answer.hasPrefix("ok http://") else {
      let status = helper.end(grace: .zero)
      let reason =
        answer.hasPrefix("error ")
        ? String(answer.dropFirst(6))
        : late
          ? "\(NetworkHelper.name) did not start listening within \(Self.startLimit.components.seconds) seconds"
          : "\(NetworkHelper.name) ended with status \(status)"
      throw BcshError("cannot start the sandbox: " + reason, code: .unsupported)
    }
    let baseURL = String(answer.dropFirst(3))
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
    return SandboxLaunch(helper: helper, baseURL: baseURL, variables: variables, listing: listing)
  }

  /// How long the sandbox may take to start listening.
  static let startLimit = Duration.seconds(20)

  /// Stops the server: the helper sees its input end, stops serving and exits; one that has not
  /// within two seconds is killed. Later calls do nothing.
  func stop() {
    helper.end(grace: .seconds(2))
  }
}
