import BcshFormats
import BcshModel
import BcshPorts
import FoundationEssentials
import JSONText

/// Checks a token against the live API without writing (README, "What verify does"): offline checks,
/// liveness, the store, then one read probe per scope, concurrently within a bound.
public struct Verifier: Sendable {
  public var transport: any HTTPTransport
  /// `https://api.bigcommerce.com` or another base with the same paths (the sandbox).
  public var apiBase: String
  /// How many probes may be in flight at once.
  public var concurrency: Int
  public var userAgent: String
  /// What rate-limit waits, backoff and the deadline are measured by.
  public var clock: any PacingClock
  /// Where progress goes as answers arrive, for a terminal to show; nil tells nobody.
  public var events: AsyncStream<VerifyEvent>.Continuation?
  /// `BCSH_STOREFRONT_BASE`: where storefront tokens' GraphQL requests go instead of the channel's
  /// storefront.
  public var storefrontBase: String?
  /// The wall-clock time of this verify: whether a storefront token has expired.
  public var now: Date

  public init(
    transport: any HTTPTransport, apiBase: String, concurrency: Int = 4,
    userAgent: String = "bcsh/\(BcshVersion.current)", clock: any PacingClock = SystemPacingClock(),
    storefrontBase: String? = nil, now: Date
  ) {
    self.transport = transport
    self.storefrontBase = storefrontBase
    self.now = now
    self.clock = clock
    self.apiBase = apiBase.hasSuffix("/") ? String(apiBase.dropLast()) : apiBase
    self.concurrency = max(1, concurrency)
    self.userAgent = userAgent
  }

  /// The offline checks alone: what is missing (a diagnosis) and what looks odd (warnings).
  public static func offlineReport(for token: Token, at now: Date) -> VerifyReport {
    var report = VerifyReport(tokenName: token.name, kind: token.kind, apiPath: token.apiPath)
    report.storefront = token.storefront
    let missing: MissingSetup? =
      switch (token.apiPath == nil, token.accessToken == nil) {
      case (true, true): .both
      case (true, false): .apiPath
      case (false, true): .accessToken
      case (false, false): nil
      }
    if let missing { report.diagnosis = .missingCredentials(token: token.name, missing: missing) }
    if let record = token.storefront {
      if let revoked = record.revokedAt {
        report.diagnosis = .storefrontTokenRevoked(day: TokenExpiry.dayText(revoked))
      } else if record.hasExpired(at: now) {
        report.diagnosis = .storefrontTokenExpired(day: TokenExpiry.dayText(record.expiresAt))
      }
      return report
    }
    if let value = token.accessToken?.revealed {
      report.warnings += CredentialValue.warnings(for: .accessToken, value: value)
    }
    if let value = token.clientID {
      report.warnings += CredentialValue.warnings(for: .clientID, value: value)
    }
    if let value = token.clientSecret?.revealed {
      report.warnings += CredentialValue.warnings(for: .clientSecret, value: value)
    }
    if token.grants.isEmpty { report.warnings.append("'\(token.name)' declares no scopes") }
    for grant in token.grants where grant.scope?.kind != token.kind {
      report.warnings.append("'\(grant.scopeID)' is not a \(token.kind)-level scope")
    }
    return report
  }

  /// The liveness request for store tokens: it needs no scope.
  public static let storeLivenessPath = "/v3/hooks"

  /// The base requests really go to, when it is not BigCommerce's own.
  var requestBase: String? { apiBase == APIBase.production ? nil : apiBase }

  public func verify(_ token: Token, scopes selection: ScopeSelection, timeout: Duration) async
    -> VerifyReport
  {
    await verify(
      token, scopes: selection,
      pacer: RequestPacer(transport: transport, clock: clock, deadline: clock.now + timeout))
  }

  /// Verifies every token at once, within `timeout` for each round of `concurrency` tokens.
  /// Tokens of one store share a pacer (the store's quota is shared by every client); so do the
  /// tokens of one account. At most `concurrency` tokens are in flight; reports come back in the
  /// order of `tokens`.
  public func verify(all tokens: [Token], scopes selection: ScopeSelection, timeout: Duration) async
    -> [VerifyReport]
  {
    // `timeout` is each token's: tokens wait their turn `concurrency` at a time.
    let rounds = max(1, (tokens.count + concurrency - 1) / concurrency)
    let deadline = clock.now + timeout * rounds
    var pacers: [String: RequestPacer] = [:]
    let jobs = tokens.map { token in
      let key = token.apiPath.map { "\($0.kind):\($0.identifier)" } ?? "none"
      let pacer =
        pacers[key]
        ?? RequestPacer(transport: transport, clock: clock, deadline: deadline, deadlineParts: rounds)
      pacers[key] = pacer
      return (token, pacer)
    }
    return await Verifier.inOrder(jobs, concurrency: concurrency) { job in
      let report = await self.verify(job.0, scopes: selection, pacer: job.1)
      self.events?.yield(.tokenFinished(total: jobs.count))
      return report
    }
  }

  /// Runs `work` on every element, at most `concurrency` at a time; results in the elements' order.
  static func inOrder<Element: Sendable, Result: Sendable>(
    _ elements: [Element], concurrency: Int, _ work: @escaping @Sendable (Element) async -> Result
  ) async -> [Result] {
    var results: [Result?] = Array(repeating: nil, count: elements.count)
    await withTaskGroup(of: (Int, Result).self) { group in
      var next = 0
      func start() {
        guard next < elements.count else { return }
        let (index, element) = (next, elements[next])
        group.addTask { (index, await work(element)) }
        next += 1
      }
      for _ in 0..<concurrency { start() }
      for await (index, result) in group {
        results[index] = result
        start()
      }
    }
    return results.compactMap { $0 }
  }

  private func verify(_ token: Token, scopes selection: ScopeSelection, pacer: RequestPacer) async
    -> VerifyReport
  {
    var report = Verifier.offlineReport(for: token, at: now)
    report.selection = selection
    report.requestBase = requestBase
    guard report.diagnosis == nil, let path = token.apiPath, let accessToken = token.accessToken else {
      return report
    }
    if let record = token.storefront, case .store(let hash) = path {
      await verifyStorefront(record, hash: hash, token: accessToken, pacer: pacer, into: &report)
      return report
    }
    switch path {
    case .account(let uuid):
      await verifyAccount(uuid: uuid, token: token, accessToken: accessToken, pacer: pacer, into: &report)
    case .store(let hash):
      await verifyStore(
        hash: hash, token: token, accessToken: accessToken, selection: selection, pacer: pacer, into: &report)
    }
    return report
  }

  // MARK: Store tokens

  private func verifyStore(
    hash: String, token: Token, accessToken: Secret, selection: ScopeSelection, pacer: RequestPacer,
    into report: inout VerifyReport
  ) async {
    let root = "\(apiBase)/stores/\(hash)"
    // Liveness: the webhooks list needs no scope (every API account has the implicit default
    // scope), so a refusal there means token and store do not belong together. `/v2/time` would
    // not do: its OpenAPI file names Information & Settings (docs/bigcommerce.md).
    switch await send(get(root + Verifier.storeLivenessPath, accessToken), pacer) {
    case .failure(let diagnosis):
      report.diagnosis = diagnosis
      return
    case .success(let response):
      report.livenessStatus = response.status
      switch response.status {
      case 200:
        guard json(response.body)?["data"]?.elements != nil else {
          report.diagnosis = .malformedResponse(
            "GET \(Verifier.storeLivenessPath) did not return {\"data\": [...]}")
          return
        }
      case 401: report.diagnosis = .invalidToken(store: hash)
      case 403: report.diagnosis = .storeMismatch
      case 404: report.diagnosis = .storeNotFound
      case 503: report.diagnosis = .storeUnavailable(status: response.status)
      case 507: report.diagnosis = .planLimit
      case 300..<400:
        report.diagnosis = .redirect(status: response.status, location: response.header("Location"))
      default: report.diagnosis = .unexpectedStatus(response.status)
      }
      events?.yield(.liveness(report))
      if report.diagnosis != nil { return }
    }

    let scopes: [Scope]
    switch selection {
    case .declared: scopes = token.grants.compactMap(\.scope)
    case .all: scopes = ScopeCatalog.scopes(for: .store)
    case .none: scopes = []
    }
    let declaresInformation = token.level(of: "information-settings") != nil
    // The liveness answer told the store's quota: if this verify's own probes (with those of the
    // store's other tokens under --all) cannot fit before the deadline, say so now.
    do throws(RequestPacer.Failure) {
      try await pacer.plan(scopes.filter { $0.probe != nil }.count)
    } catch {
      if case .quotaNeedsTime(let estimate) = error { report.diagnosis = .quotaNeedsTime(estimate) }
      return
    }
    var results = await probe(scopes, token: token, root: root, accessToken: accessToken, pacer: pacer)
    await settleSharedEndpoints(&results, root: root, accessToken: accessToken, pacer: pacer)

    // The store step reuses the Information & Settings probe, which is GET /v2/store.
    if declaresInformation || selection == .all,
      let index = results.firstIndex(where: { $0.result.scope.id == "information-settings" }),
      results[index].result.outcome == .granted, let body = results[index].body
    {
      report.store = storeInfo(body)
    } else if declaresInformation && selection == .none {
      if case .success(let response) = await send(get(root + "/v2/store", accessToken), pacer),
        response.status == 200
      {
        report.store = storeInfo(response.body)
      }
    }
    report.scopes = results.map(\.result)
    let missing = report.scopes.filter { $0.outcome == .missing && $0.declared != nil }
    if !missing.isEmpty {
      report.diagnosis = .missingScopes(missing.map { ScopeGrant(scopeID: $0.scope.id, level: $0.declared!) })
    } else {
      report.diagnosis = results.lazy.compactMap(\.failure).first.map { failure in
        if case .invalidToken = failure { .invalidToken(store: hash) } else { failure }
      }
    }
  }

  /// A pass on an endpoint that another scope also opens (Content opens Checkout Content's) proves
  /// the scope only when the token lacks that other scope; otherwise the row is inconclusive.
  private func settleSharedEndpoints(
    _ runs: inout [ProbeRun], root: String, accessToken: Secret, pacer: RequestPacer
  ) async {
    // Judged on the probes' own answers, whatever order the rows are settled in.
    let answered = runs
    for index in runs.indices {
      guard let probe = runs[index].result.scope.probe, runs[index].result.outcome == .granted else {
        continue
      }
      for opener in probe.alsoOpenedBy.compactMap(ScopeCatalog.scope(id:)) {
        var openerGranted = answered.first { $0.result.scope.id == opener.id }.map {
          $0.result.outcome == .granted
        }
        // An opener with its own endpoint is asked there; one that shares this very endpoint
        // would answer the same, so it cannot be told apart.
        if openerGranted == nil, let openerProbe = opener.probe, openerProbe.path != probe.path {
          let request = get(root + openerProbe.resolvedPath { UUID().uuidString.lowercased() }, accessToken)
          if case .success(let response) = await send(request, pacer) {
            openerGranted = openerProbe.interpret(status: response.status)
          }
        }
        if openerGranted != false {
          runs[index].result.outcome = .inconclusive("\(opener.uiName) opens the same endpoint")
          break
        }
      }
    }
  }

  private struct ProbeRun: Sendable {
    var result: ScopeResult
    var body: [UInt8]?
    var failure: Diagnosis?
  }

  /// Runs the probes at most `concurrency` at a time; results come back in catalog order.
  private func probe(
    _ scopes: [Scope], token: Token, root: String, accessToken: Secret, pacer: RequestPacer
  ) async -> [ProbeRun] {
    let jobs = scopes.map { scope in
      let request = scope.probe.map {
        get(root + $0.resolvedPath { UUID().uuidString.lowercased() }, accessToken)
      }
      return (scope, token.level(of: scope.id), request)
    }
    return await Verifier.inOrder(jobs, concurrency: concurrency) { job in
      let run = await self.run(scope: job.0, declared: job.1, request: job.2, pacer: pacer)
      self.events?.yield(.probeFinished(total: jobs.count))
      return run
    }
  }

  private func run(scope: Scope, declared: AccessLevel?, request: HTTPRequest?, pacer: RequestPacer) async
    -> ProbeRun
  {
    guard let probe = scope.probe, let request else {
      return ProbeRun(
        result: ScopeResult(scope: scope, declared: declared, outcome: .notProbeable, status: nil))
    }
    switch await send(request, pacer) {
    case .failure(let diagnosis):
      return ProbeRun(
        result: ScopeResult(
          scope: scope, declared: declared, outcome: .error(diagnosis.message), status: nil),
        failure: diagnosis)
    case .success(let response):
      let outcome: ProbeOutcome =
        switch probe.interpret(status: response.status) {
        case true?: .granted
        case false?: .missing
        case nil: .error(Verifier.describe(status: response.status))
        }
      let failure: Diagnosis? = response.status == 401 ? .invalidToken(store: nil) : nil
      return ProbeRun(
        result: ScopeResult(scope: scope, declared: declared, outcome: outcome, status: response.status),
        body: response.status == 200 ? response.body : nil, failure: failure)
    }
  }

  // MARK: Storefront tokens

  /// The query a storefront token's verify sends: read-only, and answerable with the
  /// `Unauthenticated` scope alone.
  public static let storefrontQuery = "{ site { settings { storeName } } }"

  /// One GraphQL query against the channel's storefront, with the token as a bearer token.
  private func verifyStorefront(
    _ record: StorefrontTokenRecord, hash: String, token: Secret, pacer: RequestPacer,
    into report: inout VerifyReport
  ) async {
    let url: String
    do throws(BcshError) {
      url = try StorefrontAddress.graphQL(
        storeHash: hash, channel: record.channels.first ?? 1, override: storefrontBase, site: record.site)
    } catch {
      report.diagnosis = .insecureURL(storefrontBase ?? "")
      return
    }
    report.storefrontAddress = url
    report.storefrontBaseOverridden = storefrontBase != nil
    let body = JSONValue.object([("query", .string(Verifier.storefrontQuery))]).serialized()
    var request = HTTPRequest(
      method: .post, url: url,
      headers: [
        ("Authorization", "Bearer \(token.revealed)"), ("Content-Type", "application/json"),
        ("Accept", "application/json"), ("User-Agent", userAgent),
      ],
      body: Array(body.utf8))
    // A token that works from browsers only is asked as a browser asks: with an Origin it allows
    // (else the storefront's own).
    if record.kind == .storefront, record.usage(at: now) == .browser {
      let origin = record.origins.first ?? Verifier.origin(of: url)
      request.headers.append((name: "Origin", value: origin))
      report.browserOrigin = origin
    }
    switch await send(request, pacer) {
    case .failure(let diagnosis):
      report.diagnosis = diagnosis
    case .success(let response):
      report.livenessStatus = response.status
      let answer = json(response.body)
      switch response.status {
      case 200:
        if let name = answer?["data"]?["site"]?["settings"]?["storeName"]?.string {
          report.store = StoreInfo(id: nil, name: name, plan: nil, domain: nil, status: nil)
          return
        }
        let errors = answer?["errors"]?.elements ?? []
        let insufficient = errors.filter { $0["extensions"]?["code"]?.string == "INSUFFICIENT_ACCESS_SCOPE" }
        if !errors.isEmpty, insufficient.count == errors.count {
          let required = insufficient.flatMap {
            $0["extensions"]?["requiredScopes"]?.elements?.compactMap(\.string) ?? []
          }
          var seen = Set<String>()
          report.diagnosis = .storefrontScopesMissing(required.filter { seen.insert($0).inserted })
        } else if let message = errors.first?["message"]?.string {
          report.diagnosis = .storefrontQueryFailed(message)
        } else {
          report.diagnosis = .storefrontQueryFailed("the answer held neither data nor errors")
        }
      case 401, 403: report.diagnosis = .storefrontTokenRefused(status: response.status)
      case 300..<400:
        report.diagnosis = .storefrontQueryFailed(
          "HTTP \(response.status), a redirect\(response.header("Location").map { " to \($0)" } ?? "") (not followed)"
        )
      default: report.diagnosis = .storefrontQueryFailed("HTTP \(response.status)")
      }
    }
  }

  /// `https://host[:port]` of a URL.
  static func origin(of url: String) -> String {
    let scheme = url.hasPrefix("https://") ? "https://" : url.hasPrefix("http://") ? "http://" : ""
    return scheme + String(url.dropFirst(scheme.count).prefix { $0 != "/" })
  }

  // MARK: Account tokens

  private func verifyAccount(
    uuid: String, token: Token, accessToken: Secret, pacer: RequestPacer, into report: inout VerifyReport
  ) async {
    // The account API allows 70 requests an hour: verify spends exactly one.
    var request = HTTPRequest(
      method: .post, url: "\(apiBase)/accounts/\(uuid)/graphql", headers: headers(accessToken),
      body: Array(#"{"query":"query { account { id } }"}"#.utf8))
    request.headers.append((name: "Content-Type", value: "application/json"))
    switch await send(request, pacer) {
    case .failure(let diagnosis):
      report.diagnosis = diagnosis
    case .success(let response):
      report.livenessStatus = response.status
      switch response.status {
      case 200:
        let id = json(response.body)?["data"]?["account"]?["id"]?.string
        if id == nil { report.diagnosis = .malformedResponse("the account query returned no account id") }
      case 401: report.diagnosis = .invalidToken(store: nil)
      case 403: report.diagnosis = .accountMismatch
      case 404: report.diagnosis = .accountNotFound
      case 300..<400:
        report.diagnosis = .redirect(status: response.status, location: response.header("Location"))
      default: report.diagnosis = .unexpectedStatus(response.status)
      }
    }
    if report.diagnosis == nil {
      report.scopes = token.grants.compactMap { grant in
        grant.scope.map { ScopeResult(scope: $0, declared: grant.level, outcome: .notProbeable, status: nil) }
      }
    }
  }

  // MARK: Requests

  private func get(_ url: String, _ accessToken: Secret) -> HTTPRequest {
    HTTPRequest(method: .get, url: url, headers: headers(accessToken))
  }

  private func headers(_ accessToken: Secret) -> [(name: String, value: String)] {
    [("X-Auth-Token", accessToken.revealed), ("Accept", "application/json"), ("User-Agent", userAgent)]
  }

  private func send(_ request: HTTPRequest, _ pacer: RequestPacer) async -> Result<HTTPResponse, Diagnosis> {
    await pacer.answer(request)
  }

  /// What verify says about a request that got no HTTP answer.
  public static func diagnosis(for error: TransportError) -> Diagnosis {
    switch error {
    case .timeout: .timeout
    case .connectionRefused(let host): .connectionRefused(host: host)
    case .nameNotResolved(let host): .nameNotResolved(host: host)
    case .tlsFailure(let reason): .tlsFailure(reason)
    case .insecureURL(let url): .insecureURL(url)
    case .malformedResponse(let what): .malformedResponse(what)
    case .caBundle(let reason): .caBundle(reason)
    case .other(let reason): .transport(reason)
    }
  }

  static func describe(status: Int) -> String {
    switch status {
    case 401: "HTTP 401: the token was refused"
    case 300..<400: "HTTP \(status): a redirect (not followed)"
    case 507: "HTTP 507: the store reached a limit of its plan"
    case 500..<600: "HTTP \(status): server error"
    default: "HTTP \(status): unexpected"
    }
  }

  /// A response's body as JSON, or nil when it is not JSON.
  private func json(_ body: [UInt8]) -> JSONValue? {
    try? JSONReader.value(body)
  }

  private func storeInfo(_ body: [UInt8]) -> StoreInfo? {
    guard let object = json(body), case .object = object else { return nil }
    return StoreInfo(
      id: object["id"]?.string, name: object["name"]?.string, plan: object["plan_name"]?.string,
      domain: object["domain"]?.string, status: object["status"]?.string)
  }
}
