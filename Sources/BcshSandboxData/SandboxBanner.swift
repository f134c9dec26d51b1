import JSONText

/// What the sandbox says about itself: a few lines when `bcsh --sandbox` starts it, and the full
/// listing of its stores, accounts and tokens with their credentials and scopes (what
/// `bcsh sandbox serve` prints, and `sandbox show` inside the shell).
public enum SandboxBanner {
  /// The few lines `bcsh --sandbox` prints: where the sandbox listens, its store, and where the
  /// rest is.
  public static func short(for configuration: SandboxConfiguration, baseURL: String) -> String {
    var lines = ["bcsh sandbox: a local stand-in for the BigCommerce API at \(baseURL)"]
    lines.append(
      "(loopback only)."
        + (configuration.stores.first.map { " Demo store \($0.hash): path set $SANDBOX_STORE_HASH" } ?? ""))
    lines.append("'sandbox show' lists its demo tokens; 'set' lists the SANDBOX_* variables")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The full listing, ending in a newline, no line wider than `width` but for one long word.
  /// `mask` shows each access token and client secret: in full (`bcsh sandbox serve`, `sandbox
  /// show --reveal`) or masked.
  public static func text(
    for configuration: SandboxConfiguration, baseURL: String, width: Int = 110,
    mask: (String) -> String = { $0 }
  ) -> String {
    var lines = words(
      "bcsh sandbox: a local stand-in for the BigCommerce API at \(baseURL). It listens on loopback only. "
        + "The credentials below are throw-away demo values that work only here.", width: width)
    lines.append("")
    for store in configuration.stores {
      lines += wrap(
        ["store \(store.hash)", "\"\(store.name)\"", "plan \(store.planName)", "domain \(store.domain)"],
        label: "", width: width, separator: "  ")
      lines += wrap(
        ["path set \(store.hash)", "(requests go to \(baseURL)/stores/\(store.hash)/...)"],
        label: "  in bcsh   ", width: width, separator: "   ")
    }
    for account in configuration.accounts {
      lines.append("account \(account.uuid)  \"\(account.name)\"")
      lines.append("  in bcsh   path set \(account.uuid)")
    }
    lines.append("")
    lines.append("tokens:")
    for token in configuration.tokens {
      lines.append("  \(token.name)  (\(owner(of: token)))")
      lines.append("    access token   \(mask(token.accessToken))")
      lines.append("    client id      \(token.clientID)")
      lines.append("    client secret  \(mask(token.clientSecret))")
      lines += wrap(
        token.scopes.enumerated().map { $0.element + ($0.offset < token.scopes.count - 1 ? "," : "") },
        label: "    scopes         ", width: width, separator: " ")
    }
    lines.append("")
    lines += words(limits(of: configuration), width: width)
    return lines.joined(separator: "\n") + "\n"
  }

  /// The listing as JSON (`sandbox show --json`), secrets through `mask`.
  public static func json(
    for configuration: SandboxConfiguration, baseURL: String, mask: (String) -> String
  ) -> JSONValue {
    .object([
      ("api_base", .string(baseURL)),
      (
        "stores",
        .array(
          configuration.stores.map { store in
            .object([
              ("hash", .string(store.hash)), ("name", .string(store.name)), ("plan", .string(store.planName)),
              ("domain", .string(store.domain)),
            ])
          })
      ),
      (
        "accounts",
        .array(
          configuration.accounts.map { .object([("uuid", .string($0.uuid)), ("name", .string($0.name))]) })
      ),
      (
        "tokens",
        .array(
          configuration.tokens.map { token in
            .object([
              ("name", .string(token.name)),
              ("store_hash", token.storeHash.map(JSONValue.string) ?? .null),
              ("account_uuid", token.accountUUID.map(JSONValue.string) ?? .null),
              ("access_token", .string(mask(token.accessToken))),
              ("client_id", .string(token.clientID)),
              ("client_secret", .string(mask(token.clientSecret))),
              ("scopes", .array(token.scopes.map(JSONValue.string))),
            ])
          })
      ),
    ])
  }

  private static func owner(of token: SandboxToken) -> String {
    token.storeHash.map { "store \($0)" } ?? token.accountUUID.map { "account-level, account \($0)" } ?? ""
  }

  private static func limits(of configuration: SandboxConfiguration) -> String {
    let seconds = Double(configuration.windowMilliseconds) / 1000
    let window = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    var limits =
      "rate limits: \(configuration.quota) requests per \(window) s per store; "
      + "\(configuration.accountQuotaPerHour) per hour per account"
    if configuration.latencyMilliseconds > 0 {
      limits += "; every response delayed \(configuration.latencyMilliseconds) ms"
    }
    return limits
  }

  /// Prose in lines of at most `width` characters.
  private static func words(_ text: String, width: Int) -> [String] {
    wrap(text.split(separator: " ").map(String.init), label: "", width: width, separator: " ")
  }

  /// Lays pieces out after `label`, `separator` between them, continuing on lines indented as far
  /// as the label so no line passes `width` (a piece longer than that stands alone).
  private static func wrap(_ pieces: [String], label: String, width: Int, separator: String) -> [String] {
    guard !pieces.isEmpty else { return [label + "(none)"] }
    let indent = String(repeating: " ", count: label.count)
    var lines: [String] = []
    var line = label
    for piece in pieces {
      if line.count > indent.count, line.count + separator.count + piece.count > width {
        lines.append(line)
        line = indent + piece
      } else {
        line += (line.count > indent.count ? separator : "") + piece
      }
    }
    lines.append(line)
    return lines
  }
}
