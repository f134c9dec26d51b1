import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// What a command can do outside the session, handed to it by the interpreter for the effects its
/// `CommandSpec` declares: the real capability, an inert one under `--dry-run`, and one that
/// refuses for every effect it does not declare.
public struct Capabilities {
  /// `.writesFiles`.
  public let files: any FileWriting
  /// `.sendsRequests`.
  public let verifier: any TokenVerifying
  /// `.sendsRequests`: minting and revoking storefront tokens.
  public let storefrontTokens: any StorefrontTokenMinting
  /// `.readsSecrets`: hidden entry; nil when there is nobody to ask (no terminal, or `--dry-run`).
  public let secretReader: (any SecretReading)?
  /// `.usesKeyring`.
  public let keyring: any KeyringAccess
  /// `.runsPrograms`.
  public let programs: any ProgramRunning

  /// The capabilities of a command that declares `effects`.
  /// - Parameters:
  ///   - command: how an undeclared capability's error names the command.
  ///   - confirm: how a dry run says what it would have done (nothing under `--json`).
  static func granted(
    _ effects: Effects, to command: String, ports: Ports, apiBase: String, storefrontBase: String?,
    dryRun: Bool,
    confirm: @escaping (String) -> Void
  ) -> Capabilities {
    func declares(_ effect: Effects) -> Bool { effects.contains(effect) }
    func refusal(_ effect: Effects) -> UndeclaredCapability {
      UndeclaredCapability(command: command, effect: effect)
    }
    let files: any FileWriting =
      if !declares(.writesFiles) { refusal(.writesFiles) } else if dryRun {
        DryRunFileWriter(git: GitExposure(processes: ports.processes), confirm: confirm)
      } else {
        AtomicFileWriter(git: GitExposure(processes: ports.processes))
      }
    let verifier: any TokenVerifying =
      if !declares(.sendsRequests) { refusal(.sendsRequests) } else if dryRun {
        DryRunVerification()
      } else {
        LiveVerification(
          makeTransport: ports.transport, clock: ports.pacingClock, now: ports.now(), apiBase: apiBase,
          storefrontBase: storefrontBase)
      }
    let storefrontTokens: any StorefrontTokenMinting =
      if !declares(.sendsRequests) { refusal(.sendsRequests) } else if dryRun {
        DryRunStorefrontTokens()
      } else {
        LiveStorefrontTokens(makeTransport: ports.transport, clock: ports.pacingClock, apiBase: apiBase)
      }
    let secretReader: (any SecretReading)? =
      if !declares(.readsSecrets) { refusal(.readsSecrets) } else if dryRun { nil } else {
        ports.secretReader
      }
    let keyring: any KeyringAccess =
      if !declares(.usesKeyring) { refusal(.usesKeyring) } else {
        OSKeyring(connect: ports.keyring, dryRun: dryRun)
      }
    let programs: any ProgramRunning =
      if !declares(.runsPrograms) { refusal(.runsPrograms) } else if dryRun {
        DryRunPrograms(confirm: confirm)
      } else {
        LivePrograms(processes: ports.processes)
      }
    return Capabilities(
      files: files, verifier: verifier, storefrontTokens: storefrontTokens, secretReader: secretReader,
      keyring: keyring, programs: programs)
  }
}
