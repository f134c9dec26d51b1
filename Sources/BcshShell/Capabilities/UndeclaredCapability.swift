import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// What a command gets for an effect its `CommandSpec` does not declare: every use fails, naming
/// the command and the effect, so that a handler that reaches further than its declaration fails
/// its tests instead of acting unseen by `--dry-run`.
struct UndeclaredCapability:
  FileWriting, TokenVerifying, StorefrontTokenMinting, SecretReading, KeyringAccess, ProgramRunning
{
  let command: String
  let effect: Effects

  private func refusal() -> BcshError {
    let phrase = Effects.phrases.first { $0.0 == effect }?.1 ?? "has this effect"
    return BcshError(
      "internal error: '\(command)' does not declare that it \(phrase)", code: .internal,
      hint: "add it to the effects of the command's CommandSpec")
  }

  func write(
    _ contents: String, to path: String, expected: FileFingerprint?, force: Bool, shownAs name: String?,
    what: String
  ) throws(BcshError) -> FileFingerprint? { throw refusal() }

  func gitWouldTrack(_ path: String) throws(BcshError) -> Bool { throw refusal() }

  func verify(
    _ tokens: [Token], offline: [VerifyReport], scopes: ScopeSelection, timeout: Duration,
    events: AsyncStream<VerifyEvent>.Continuation?
  ) async throws(BcshError) -> [VerifyReport] { throw refusal() }

  func mint(_ request: StorefrontTokenRequest, storeHash: String, with account: Secret, timeout: Duration)
    async throws(StorefrontTokenClient.Failure) -> MintedToken?
  { throw .unreachable(.transport(refusal().message)) }

  func revoke(_ token: Secret, storeHash: String, with account: Secret, timeout: Duration)
    async throws(StorefrontTokenClient.Failure) -> Bool
  { throw .unreachable(.transport(refusal().message)) }

  func readSecret(prompt: String) throws(BcshError) -> String { throw refusal() }

  func forReading() throws(BcshError) -> any SecretStoring { throw refusal() }

  func forWriting() throws(BcshError) -> any SecretStoring { throw refusal() }

  func run(_ plan: ExecPlan, in folder: String) throws(BcshError) -> ProgramEnding { throw refusal() }
}
