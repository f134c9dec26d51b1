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
