import BcshFormats
import BcshModel
import BcshPorts

/// Why verify could not confirm the token, each with its own message and what to do.
public enum Diagnosis: Error, Sendable, Equatable {
  /// The token lacks what verify sends: its API path, its access token, or both.
  case missingCredentials(token: String, missing: MissingSetup)
  /// HTTP 401: for a store token, `store` is its hash (webhooks.v3.yml: the client ID or token "are
  /// not a valid combination for this store").
  case invalidToken(store: String?)
  case storeMismatch
  case accountMismatch
  case storeNotFound
  case accountNotFound
  case storeUnavailable(status: Int)
  case planLimit
  case missingScopes([ScopeGrant])
  /// Waiting for the quota would have outlasted the deadline.
  case rateLimited
  /// Every attempt was answered 429, each after the wait the answer asked for.
  case rateLimitedRepeatedly(attempts: Int)
  /// This verify's own requests need more of the store's quota than the deadline leaves time for.
  case quotaNeedsTime(QuotaEstimate)
  case serverErrors(status: Int)
  case timeout
  case connectionRefused(host: String)
  case nameNotResolved(host: String)
  case tlsFailure(String)
  /// `BCSH_CA_BUNDLE` cannot be used: why.
  case caBundle(String)
  case insecureURL(String)
  case redirect(status: Int, location: String?)
  case malformedResponse(String)
  case unexpectedStatus(Int)
  case transport(String)
  /// A storefront token past its expiry (the day, UTC).
  case storefrontTokenExpired(day: String)
  /// A storefront token `token revoke` revoked (the day, UTC).
  case storefrontTokenRevoked(day: String)
  /// The storefront answered 401 or 403 to the token.
  case storefrontTokenRefused(status: Int)
  /// A private token lacks GraphQL scopes the query needs (INSUFFICIENT_ACCESS_SCOPE's
  /// `requiredScopes`).
  case storefrontScopesMissing([String])
  /// The storefront answered the query with another GraphQL error: its message.
  case storefrontQueryFailed(String)

  /// Whether this is a finding about the token (exit 1) rather than a failure to check (exit 2).
  public var isFinding: Bool {
    switch self {
    case .invalidToken, .storeMismatch, .accountMismatch, .storeNotFound, .accountNotFound, .missingScopes,
      .storefrontTokenExpired, .storefrontTokenRevoked, .storefrontTokenRefused, .storefrontScopesMissing:
      true
    default: false
    }
  }

  public var message: String {
    switch self {
    case .missingCredentials(let token, let missing):
      "nothing to verify yet: '\(token)' has \(missing.description)"
    case .invalidToken(let store):
      store.map { "the token is not valid for store \($0) (HTTP 401)" }
        ?? "the access token is invalid (HTTP 401)"
    case .storeMismatch:
      "the token and the store hash do not belong together (HTTP 403 on the liveness check)"
    case .accountMismatch: "the token does not belong to this account (HTTP 403 on the account query)"
    case .storeNotFound: "no store answers at this store hash (HTTP 404)"
    case .accountNotFound: "no account answers at this account UUID (HTTP 404)"
    case .storeUnavailable(let status): "the store is down, suspended or in maintenance (HTTP \(status))"
    case .planLimit: "the store has reached a limit of its BigCommerce plan (HTTP 507)"
    case .missingScopes(let grants):
      "the token lacks \(grants.count == 1 ? "a declared scope" : "\(grants.count) declared scopes"): "
        + grants.map { "\($0.scope?.uiName ?? $0.scopeID) (\($0.level))" }.joined(separator: ", ")
    case .rateLimited:
      "the rate-limit quota (shared by every app on the store) left no room before the deadline"
    case .rateLimitedRepeatedly(let attempts):
      "the API answered 429 Too Many Requests \(Counted.text(attempts, "time")) in a row; its quota is shared by every app on the store"
    case .quotaNeedsTime(let estimate):
      "this verify's own \(Counted.text(estimate.requests, "request")) \(estimate.requests == 1 ? "needs" : "need") "
        + "about \(estimate.seconds) s at the store's quota of "
        + "\(estimate.quotaDescription), more than the deadline leaves"
    case .serverErrors(let status): "the API kept failing (HTTP \(status)) after several retries"
    case .timeout: "verify ran out of time before the API answered"
    case .connectionRefused(let host): "the connection to \(host) was refused"
    case .nameNotResolved(let host): "the host name \(host) could not be resolved"
    case .tlsFailure(let reason): "the TLS connection failed: \(reason)"
    case .caBundle(let reason): "BCSH_CA_BUNDLE cannot be used: \(reason)"
    case .insecureURL(let url): "bcsh sends credentials only over https (or http to loopback), not to \(url)"
    case .redirect(let status, let location):
      "the API answered with a redirect (HTTP \(status)\(location.map { " to \($0)" } ?? "")); it was not followed"
    case .malformedResponse(let what): "the API's answer was not what BigCommerce sends: \(what)"
    case .unexpectedStatus(let status): "the API answered HTTP \(status), which verify does not expect"
    case .transport(let reason): "the request failed: \(reason)"
    case .storefrontTokenExpired(let day): "the storefront token expired on \(day)"
    case .storefrontTokenRevoked(let day): "the storefront token was revoked on \(day)"
    case .storefrontTokenRefused(let status):
      "the storefront refused the token (HTTP \(status)): it is unknown, expired or revoked, or for another store"
    case .storefrontScopesMissing(let scopes):
      "the private token lacks the GraphQL scope\(scopes.count == 1 ? "" : "s") the query needs: "
        + (scopes.isEmpty ? "(not named)" : scopes.joined(separator: ", ")) + " (INSUFFICIENT_ACCESS_SCOPE)"
    case .storefrontQueryFailed(let message):
      "the storefront answered the query with an error: \(ShownWord.escaped(message))"
    }
  }

  /// One line that says what to do next.
  public var advice: String {
    switch self {
    case .missingCredentials:
      "set it ('token set access-token', 'path set VALUE' or 'token import FILE'), then verify"
    case .invalidToken(let store):
      (store.map {
        "check that the ACCESS TOKEN (not the client ID or secret) is one of store \($0)'s API accounts, whose API "
          + "path is https://api.bigcommerce.com/stores/\($0)/v3/ ('path show'); "
      } ?? "check that you pasted the ACCESS TOKEN (not the client ID or secret); ")
        + "a deleted API account's token stops working: create a new one ('token checklist')"
    case .storeMismatch:
      "check the store hash in the API path ('path show') against the store where the API account was created"
    case .accountMismatch:
      "check the account UUID in the API path ('path show') against the account where the API account was created"
    case .storeNotFound: "check the store hash: paste the API PATH from the credentials file ('path set')"
    case .accountNotFound: "check the account UUID: paste the API PATH from the credentials file ('path set')"
    case .storeUnavailable: "check the store in the control panel, then verify again later"
    case .planLimit:
      "the token may be fine: check the store's plan limits in the control panel (or upgrade), then verify again"
    case .missingScopes:
      "an existing token never gains scopes: create a new API account with them ('token checklist' lists the "
        + "steps), import its file and verify again; webhooks and scripts belong to the old account (deleting "
        + "it removes its webhooks), so recreate them with the new one; the old account's metafields stay, and "
        + "the new one manages them with Metafields Access at full (or takes them over with Metafield Ownership)"
    case .rateLimited: "other apps are using the store's quota; verify again in a minute, or use --timeout"
    case .rateLimitedRepeatedly: "other apps are using the store's quota; verify again in a minute"
    case .quotaNeedsTime(let estimate):
      "allow the time: verify again with --timeout \(estimate.suggestedTimeout)"
        + (estimate.deadlineParts > 1 ? " (with --all it is each round of four tokens' time)" : "")
    case .serverErrors:
      "BigCommerce may be having trouble (status.bigcommerce.com); try again later, in a few minutes"
    case .timeout: "check the network, or allow more time with --timeout SECONDS"
    case .connectionRefused: "check BCSH_API_BASE and that the server is running"
    case .nameNotResolved: "check the network connection and BCSH_API_BASE"
    case .tlsFailure: "check the system's CA certificates, a proxy that intercepts TLS, or BCSH_CA_BUNDLE"
    case .caBundle:
      "point BCSH_CA_BUNDLE at a PEM file of CA certificates, or unset it to trust only the system's"
    case .insecureURL: "use an https:// BCSH_API_BASE"
    case .redirect: "check BCSH_API_BASE: it should be https://api.bigcommerce.com"
    case .malformedResponse, .unexpectedStatus:
      "check BCSH_API_BASE; a proxy may be answering instead of BigCommerce"
    case .transport: "check the network connection and verify again"
    case .storefrontTokenExpired, .storefrontTokenRevoked:
      "mint a new one ('token mint NAME --from API_TOKEN ...'), then 'token rm' this one"
    case .storefrontTokenRefused:
      "mint a new one with 'token mint'; check BCSH_STOREFRONT_BASE if set"
    case .storefrontScopesMissing(let scopes):
      "a token never gains scopes: mint a new one with --kind private"
        + (scopes.isEmpty ? " and the scopes it needs" : scopes.map { " --scope \($0)" }.joined())
    case .storefrontQueryFailed:
      "check the channel's storefront address (BCSH_STOREFRONT_BASE overrides it)"
    }
  }
}
