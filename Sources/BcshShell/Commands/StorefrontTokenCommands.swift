import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import FoundationEssentials

/// `token mint NAME --from API_TOKEN --kind KIND --channel ID ... --expires WHEN [--origin URL ...]
/// [--scope SCOPE ...]`: a GraphQL Storefront API token, minted through the REST API by a
/// store-level API account of the session and kept in the session like any secret.
struct TokenMintCommand: ShellCommand {
  static let name = RequiredArgument<String>("NAME", .newTokenName)
  static let from = ValueOption<String>(
    "--from", value: "API_TOKEN", .mintingToken, "the store-level token (API account) that mints it",
    required: true)
  static let kind = ValueOption<StorefrontTokenKind>(
    "--kind", value: "KIND", "storefront (browsers), private (servers) or impersonation", required: true)
  static let channel = RepeatedOption<ChannelID>(
    "--channel", value: "ID", "a channel it works for (repeatable)")
  static let expires = ValueOption<String>(
    "--expires", value: "WHEN", .text, "30d, 12h, a date (2027-03-31), a UTC time or Unix seconds",
    required: true)
  static let origin = RepeatedOption<String>(
    "--origin", value: "URL", .text, "an allowed CORS origin, storefront tokens only (at most 2)")
  static let scope = RepeatedOption<StorefrontScope>(
    "--scope", value: "SCOPE", "a GraphQL scope of a private token: Unauthenticated, Customer, B2B")
  static let spec = CommandSpec(
    ["token", "mint"], "mint a GraphQL Storefront API token with a store-level token and keep it",
    arguments: [name.spec],
    options: [from.spec, kind.spec, channel.spec, expires.spec, origin.spec, scope.spec],
    example: "token mint catalyst-server --from full --kind private --channel 1 --expires 90d "
      + "--scope Unauthenticated",
    effects: .sendsRequests)

  let name: Given<String>
  let from: Given<String>
  let kind: Given<StorefrontTokenKind>
  let channels: [Given<ChannelID>]
  let expires: Given<String>
  let origins: [Given<String>]
  let scopes: [Given<StorefrontScope>]
  let position: SourcePosition

  init(from invocation: Invocation) throws(BcshError) {
    name = try invocation.read(Self.name)
    from = try invocation.read(required: Self.from)
    kind = try invocation.read(required: Self.kind)
    channels = try invocation.read(Self.channel)
    expires = try invocation.read(required: Self.expires)
    origins = try invocation.read(Self.origin)
    scopes = try invocation.read(Self.scope)
    position = invocation.position
  }

  func run(in context: inout CommandContext) async throws(BcshError) {
    try BcshError.placing(at: name.position) { () throws(BcshError) in
      try Session.checkName(name.value)
      if context.state.session.token(named: name.value) != nil {
        throw BcshError(
          "a token named '\(name.value)' already exists", code: .alreadyExists,
          hint: "choose another name, or 'token rm \(Word.typed(name.value))' first")
      }
    }
    let (account, storeHash, accessToken) = try StorefrontAccount.require(
      from, for: kind.value, in: context.state.session)

    let now = context.now
    let expiresAt = try BcshError.placing(at: expires.position) { () throws(BcshError) in
      try TokenExpiry.seconds(expires.value, now: now)
    }
    let request = try StorefrontTokenRequest(
      kind: kind.value, channels: channels.map(\.value.id), expiresAt: expiresAt,
      origins: origins.map(\.value), scopes: scopes.map(\.value), now: now,
      places: StorefrontTokenRequest.Places(
        kind: kind.position, channels: channels.map(\.position), expiry: expires.position,
        origins: origins.map(\.position), scopes: scopes.map(\.position)))

    let minted: MintedToken?
    do throws(StorefrontTokenClient.Failure) {
      minted = try await context.capabilities.storefrontTokens.mint(
        request, storeHash: storeHash, with: accessToken, timeout: .seconds(30))
    } catch {
      throw StorefrontAccount.error(
        error, doing: "mint \(kind.value == .impersonation ? "an" : "a") \(kind.value.rawValue) token",
        account: account, kind: kind.value, at: position)
    }
    if let minted { context.maskFromNow(minted.token) }

    var token = Token(name: name.value, kind: .store)
    token.apiPath = .store(hash: storeHash)
    token.accessToken = minted.map { Secret($0.token) }
    token.storefront = StorefrontTokenRecord(
      request, mintedAt: Int(now.timeIntervalSince1970.rounded(.down)), mintedFrom: account.name,
      site: minted?.site)
    try context.state.session.add(token)

    guard minted != nil else {
      context.confirm(
        "dry run: would mint \(kind.value.rawValue) token '\(name.value)' with '\(account.name)' "
          + "(POST \(kind.value.createPath))")
      return
    }
    let record = token.storefront!
    if record.usage(at: now) == .browser {
      context.warn(
        "storefront tokens created after 2026-06-30 work from browsers only", at: kind.position,
        hint: "a server (Catalyst, a Next.js server, a build) needs --kind private")
    } else if kind.value == .storefront {
      context.warn(
        "this storefront token also works server to server, but only until 2027-03-31", at: kind.position,
        hint: "servers should move to --kind private")
    }
    let session = context.state.session
    context.report(
      StorefrontTokenRendering.minted(token, at: now),
      json: TokenRendering.json(token, current: token.name == session.currentName, now: now))
  }
}

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

/// The store-level API account that mints or revokes storefront tokens, and what its refusals mean.
enum StorefrontAccount {
  /// The account `name` names, its store hash and access token, or an error at the word.
  static func require(_ name: Given<String>, for kind: StorefrontTokenKind, in session: Session)
    throws(BcshError) -> (Token, String, Secret)
  {
    try BcshError.placing(at: name.position) { () throws(BcshError) in
      let account = try session.require(name.value)
      guard account.storefront == nil else {
        throw BcshError(
          "'\(account.name)' is a storefront token; storefront tokens are minted by a store-level API account",
          code: .invalidValue, hint: "--from a store-level token with \(kind.mintingScopeDescription)")
      }
      guard account.kind == .store else {
        throw BcshError(
          "'\(account.name)' is account-level; storefront tokens are minted by a store-level API account",
          code: .invalidValue, hint: "--from a store-level token with \(kind.mintingScopeDescription)")
      }
      guard case .store(let hash)? = account.apiPath, let accessToken = account.accessToken else {
        throw BcshError(
          "'\(account.name)' has no \(account.apiPath == nil ? "API path" : "access token") yet",
          code: .notReady,
          hint: "'token import FILE --into \(Word.typed(account.name))' brings in its credentials")
      }
      // Its declared scopes say it cannot: refuse before sending. An account that declares none
      // may still hold the scope, and the API's answer decides.
      if !account.grants.isEmpty, let scope = kind.mintingScope, account.level(of: scope.id) == nil {
        throw BcshError(
          "'\(account.name)' does not declare \(kind.mintingScopeDescription), which minting a "
            + "\(kind.rawValue) token needs",
          code: .notReady, hint: newAccountHint(kind))
      }
      return (account, hash, accessToken)
    }
  }

  /// "create an API account that has it ...".
  static func newAccountHint(_ kind: StorefrontTokenKind) -> String {
    let id = kind.mintingScope?.id ?? kind.mintingTokenString
    return "an API account never gains scopes: create one with it ('token new NAME', 'scope add \(id)', "
      + "'token checklist' lists the steps), import its file, then --from that token"
  }

  /// A failed request, said with the account's name and what to do.
  static func error(
    _ failure: StorefrontTokenClient.Failure, doing action: String, account: Token, kind: StorefrontTokenKind,
    at position: SourcePosition
  ) -> BcshError {
    switch failure {
    case .missingScope:
      return BcshError(
        "the API refused to \(action) (HTTP 403): '\(account.name)' lacks \(kind.mintingScopeDescription)",
        code: .network, hint: newAccountHint(kind), at: position)
    case .invalidToken:
      return BcshError(
        "the API refused '\(account.name)''s access token (HTTP 401)", code: .network,
        hint: "'verify \(Word.typed(account.name))' tells why", at: position)
    case .refused(let status, let detail):
      return BcshError(
        "the API did not \(action) (HTTP \(status))"
          + (detail.map { ": \(ShownWord.escaped($0))" } ?? ""),
        code: .network,
        hint: status == 422 ? "check the channel ids ('--channel') and the expiry" : nil, at: position)
    case .unreachable(let diagnosis):
      return BcshError(
        "could not \(action): \(diagnosis.message)", code: .network, hint: diagnosis.advice, at: position)
    }
  }
}

/// `--channel ID`: a channel id, a whole number from 1.
struct ChannelID: ShellArgument {
  let id: Int

  static var kind: ArgumentKind { .channelID }

  init(argument: String) throws(BcshError) {
    guard argument.count <= 10, argument.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int(argument),
      id >= 1
    else {
      throw BcshError(
        "\(ShownWord.quoted(argument)) is not a channel id", code: .invalidValue,
        hint: "channel ids are whole numbers from 1; 1 is the store's first storefront")
    }
    self.id = id
  }
}
