import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `status`: the session file, unsaved changes and the current token.
struct StatusCommand: SynchronousCommand {
  static let spec = CommandSpec(
    ["status"], "the session file, unsaved changes and the current token", example: "status")

  init(from invocation: Invocation) {}

  func run(in context: inout CommandContext) throws(BcshError) {
    let state = context.state
    let current = state.session.current
    var lines = [
      "session file:    \(state.file?.path ?? "none (save FILE gives it one)")",
      "unsaved changes: \(state.hasUnsavedChanges ? "yes" : "no")",
      "tokens:          \(state.session.tokenCount)",
      "current token:   \(current.map { "\($0.name) (\($0.kindLabel))" } ?? "none")",
    ]
    // Storefront tokens that lapse soon (or have), whichever token is current.
    let now = context.now
    let lapsing = state.session.tokens.compactMap { token -> (Token, StorefrontTokenRecord)? in
      guard let record = token.storefront, record.revokedAt == nil,
        record.lapsesSoon(at: now)
      else { return nil }
      return (token, record)
    }
    for (token, record) in lapsing {
      let label = record.hasExpired(at: now) ? "expired:" : "expires soon:"
      lines.append(
        label.padding(to: 17)
          + context.format.style.warning(
            "'\(token.name)' \(StorefrontTokenRendering.expiry(record, at: now)); 'token mint' makes a new one"
          ))
    }
    let secrets = state.file.map { $0.keyring == nil ? "in the session file" : "in the OS keyring" }
    lines.append("secrets kept:    \(secrets ?? "nowhere yet (not saved)")")
    let missing = state.file?.keyring?.missing ?? []
    if !missing.isEmpty {
      lines.append("missing secrets: " + KeyringSecrets.describe(missing) + " (not in the keyring)")
    }
    if let current {
      lines.append("api path:        \(current.apiPath?.canonical ?? "not set")")
      if let record = current.storefront {
        lines.append("expires:         \(StorefrontTokenRendering.expiry(record, at: now))")
      } else {
        lines.append("scopes:          \(current.grants.count) declared")
      }
      for field in KeyringSecrets.fields {
        if let home = state.home(of: field, of: current) {
          lines.append("\(field.rawValue):".padding(to: 17) + home.phrase)
        }
      }
    }
    if context.apiBase != APIBase.production {
      lines.append("api base:        \(context.apiBase)")
    }
    context.report(
      lines.joined(separator: "\n") + "\n",
      json: .object([
        ("session_file", .optional(state.file?.path)),
        ("secrets_in_keyring", .bool(state.file?.keyring != nil)),
        (
          "missing_secrets",
          .array(missing.map { .object([("token", .string($0.token)), ("field", .string($0.field))]) })
        ),
        ("unsaved_changes", .bool(state.hasUnsavedChanges)),
        ("tokens", .number(state.session.tokenCount)),
        ("current_token", .optional(current?.name)),
        ("api_path", .optional(current?.apiPath?.canonical)),
        ("api_base", .string(context.apiBase)),
        (
          "expiring_tokens",
          .array(
            lapsing.map { token, record in
              .object([
                ("token", .string(token.name)),
                ("expires_at", .string(TokenExpiry.timeText(record.expiresAt))),
                ("days_left", .number(record.daysLeft(at: now))),
                ("expired", .bool(record.hasExpired(at: now))),
              ])
            })
        ),
      ]))
  }
}
