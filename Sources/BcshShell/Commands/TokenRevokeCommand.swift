import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import FoundationEssentials

/// `token revoke NAME [--with API_TOKEN]`.
struct TokenRevokeCommand: ShellCommand {
  static let name = RequiredArgument<String>("NAME", .storefrontToken)
  static let with = ValueOption<String>(
    "--with", value: "API_TOKEN", .mintingToken,
    "the store-level token that revokes it (default: the one that minted it)")
  static let spec = CommandSpec(
    ["token", "revoke"], "revoke a minted storefront token; the session keeps it marked revoked",
    arguments: [name.spec], options: [with.spec], example: "token revoke headless-browser",
    effects: .sendsRequests)

  let name: Given<String>
  let with: Given<String>?

  init(from invocation: Invocation) throws(BcshError) {
    name = try invocation.read(Self.name)
    with = try invocation.read(Self.with)
  }

  func run(in context: inout CommandContext) async throws(BcshError) {
    let token = try context.token(named: name)
    guard let record = token.storefront, let secret = token.accessToken else {
      throw BcshError(
        "'\(token.name)' is not a minted storefront token", code: .invalidValue,
        hint: token.storefront == nil
          ? "an API account is revoked by deleting it in the control panel (Settings > API > Store-level API accounts)"
          : "it has no token to revoke (minted under --dry-run)",
        at: name.position)
    }
    if let revoked = record.revokedAt {
      throw BcshError(
        "'\(token.name)' was already revoked on \(TokenExpiry.dayText(revoked))", code: .alreadyExists,
        hint: "'token rm \(Word.typed(token.name))' removes it from the session", at: name.position)
    }
    let accountName =
      with
      ?? Given(value: record.mintedFrom, word: ExpandedWord(record.mintedFrom, at: name.position))
    let (account, storeHash, accessToken) = try StorefrontAccount.require(
      accountName, for: record.kind, in: context.state.session)
    guard token.apiPath == .store(hash: storeHash) else {
      throw BcshError(
        "'\(account.name)' belongs to store \(storeHash), but '\(token.name)' to \(token.apiPath?.identifier ?? "no store")",
        code: .invalidValue, hint: "--with a token of the same store", at: accountName.position)
    }
    let sent: Bool
    do throws(StorefrontTokenClient.Failure) {
      sent = try await context.capabilities.storefrontTokens.revoke(
        secret, storeHash: storeHash, with: accessToken, timeout: .seconds(30))
    } catch {
      var failure = StorefrontAccount.error(
        error, doing: "revoke a token", account: account, kind: .storefront, at: name.position)
      if !record.kind.isDocumentedRevocable {
        failure.hint =
          (failure.hint.map { $0 + "; " } ?? "")
          + "the reference documents revoking storefront and private tokens only; a \(record.kind.rawValue) "
          + "token lapses at its expiry (\(TokenExpiry.dayText(record.expiresAt)))"
      }
      throw failure
    }
    guard sent else {
      context.confirm(
        "dry run: would revoke '\(token.name)' with '\(account.name)' (DELETE /v3/storefront/api-token)")
      return
    }
    let now = Int(context.now.timeIntervalSince1970.rounded(.down))
    try context.state.session.update(token.name) { $0.storefront?.revokedAt = now }
    context.confirm(
      "revoked '\(token.name)'; the session keeps it, marked revoked, until 'token rm \(Word.typed(token.name))'"
    )
  }
}
