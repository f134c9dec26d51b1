/// What `bcsh --sandbox` prints when the sandbox starts: where it listens, its stores and accounts,
/// and every token with its credentials and scopes.
public enum SandboxBanner {
  /// The banner text, ending in a newline. Secrets are shown in full: they are throw-away demo values.
  public static func text(for configuration: SandboxConfiguration, baseURL: String) -> String {
    var lines = [
      "bcsh sandbox: a local stand-in for the BigCommerce API at \(baseURL)",
      "It listens on loopback only. The credentials below are throw-away demo values that work only",
      "here, so they are shown in full.",
      "",
    ]
    for store in configuration.stores {
      lines.append("store \(store.hash)  \"\(store.name)\"  plan \(store.planName)  domain \(store.domain)")
      lines.append(
        "  in bcsh   path set \(store.hash)   (requests go to \(baseURL)/stores/\(store.hash)/...)")
    }
    for account in configuration.accounts {
      lines.append("account \(account.uuid)  \"\(account.name)\"")
      lines.append("  in bcsh   path set \(account.uuid)")
    }
    lines.append("")
    lines.append("tokens:")
    for token in configuration.tokens {
      let owner =
        token.storeHash.map { "store \($0)" } ?? token.accountUUID.map { "account-level, account \($0)" }
        ?? ""
      lines.append("  \(token.name)  (\(owner))")
      lines.append("    access token   \(token.accessToken)")
      lines.append("    client id      \(token.clientID)")
      lines.append("    client secret  \(token.clientSecret)")
      lines += wrap(token.scopes, label: "    scopes         ", width: 110)
    }
    lines.append("")
    let seconds = Double(configuration.windowMilliseconds) / 1000
    let window = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    var limits =
      "rate limits: \(configuration.quota) requests per \(window) s per store; "
      + "\(configuration.accountQuotaPerHour) per hour per account"
    if configuration.latencyMilliseconds > 0 {
      limits += "; every response delayed \(configuration.latencyMilliseconds) ms"
    }
    lines.append(limits)
    return lines.joined(separator: "\n") + "\n"
  }

  /// Lays words out after `label`, continuing on indented lines so no line passes `width`.
  private static func wrap(_ words: [String], label: String, width: Int) -> [String] {
    guard !words.isEmpty else { return [label + "(none)"] }
    let indent = String(repeating: " ", count: label.count)
    var lines: [String] = []
    var line = label
    for (index, word) in words.enumerated() {
      let piece = word + (index < words.count - 1 ? "," : "")
      if line.count > indent.count, line.count + 1 + piece.count > width {
        lines.append(line)
        line = indent + piece
      } else {
        line += (line.count > indent.count ? " " : "") + piece
      }
    }
    lines.append(line)
    return lines
  }
}
