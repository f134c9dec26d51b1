import BcshFormats
import BcshModel
import BcshPorts

/// Everything one verify found, step by step.
public struct VerifyReport: Sendable {
  public var tokenName: String
  public var kind: TokenKind
  public var apiPath: APIPath?
  public var warnings: [String] = []
  /// The liveness request's status, when it got one.
  public var livenessStatus: Int?
  public var store: StoreInfo?
  public var scopes: [ScopeResult] = []
  /// What stopped verify or what it found wrong; nil when all is well.
  public var diagnosis: Diagnosis?
  /// True for `--dry-run`: the offline checks ran, nothing was sent.
  public var dryRun = false
  /// Which scopes were probed.
  public var selection = ScopeSelection.declared
  /// Where requests really went, when not to BigCommerce (the sandbox, `BCSH_API_BASE`).
  public var requestBase: String?
  /// For a minted storefront token: what bcsh recorded, and the GraphQL address it asked.
  public var storefront: StorefrontTokenRecord?
  public var storefrontAddress: String?
  /// Whether `storefrontAddress` came from `BCSH_STOREFRONT_BASE` (or the sandbox).
  public var storefrontBaseOverridden = false
  /// The Origin verify sent as a browser would, for a token that works from browsers only.
  public var browserOrigin: String?

  /// Whether requests were sent: the offline checks found everything verify needs.
  public var wentOnline: Bool {
    if case .missingCredentials = diagnosis { return false }
    return !dryRun
  }

  public var passed: Bool {
    diagnosis == nil && !scopes.contains { if case .error = $0.outcome { true } else { false } }
  }

  /// What `token list` records: passed, a problem with the token, or not checked.
  public var result: VerificationResult {
    switch exitStatus {
    case .success: .passed
    case .verifyProblem: .problem
    default: .notChecked
    }
  }

  /// 0 when all is well, 1 for a finding about the token, 2 when verify could not finish.
  public var exitStatus: ShellExitStatus {
    if let diagnosis { return diagnosis.isFinding ? .verifyProblem : .commandFailed }
    return passed ? .success : .commandFailed
  }

  /// `verify --all`'s exit status: 2 when any token could not be checked, else 1 when any has a
  /// problem, else 0.
  public static func exitStatus(ofAll reports: [VerifyReport]) -> ShellExitStatus {
    reports.map(\.exitStatus).max() ?? .success
  }
}
