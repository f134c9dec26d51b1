/// What the last verify of a token found, kept with the token so that `token list` can show it.
/// Every verify that ran is recorded, whatever it concluded: an old "passed" never outlives a
/// verify that failed.
public struct VerificationRecord: Sendable, Equatable, Codable {
  /// When it ran, as ISO 8601 in UTC.
  public var date: String
  public var result: VerificationResult
  /// One line: "the token works and holds all 8 declared scopes" or "missing: marketing, orders".
  public var summary: String
  /// The store's domain, when verify read the store (`GET /v2/store`): stencil's `normalStoreUrl`.
  public var storeDomain: String?

  public var passed: Bool { result == .passed }

  public init(date: String, result: VerificationResult, summary: String, storeDomain: String? = nil) {
    self.date = date
    self.result = result
    self.summary = summary
    self.storeDomain = storeDomain
  }

  /// Files written before `result` existed hold only `passed`: false there meant a problem.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    date = try container.decode(String.self, forKey: .date)
    summary = try container.decode(String.self, forKey: .summary)
    storeDomain = try container.decodeIfPresent(String.self, forKey: .storeDomain)
    if let result = try container.decodeIfPresent(VerificationResult.self, forKey: .result) {
      self.result = result
    } else {
      result = try container.decode(Bool.self, forKey: .passed) ? .passed : .problem
    }
  }

  /// Writes `passed` beside `result`, so that an older bcsh still reads the file.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(date, forKey: .date)
    try container.encode(result, forKey: .result)
    try container.encode(passed, forKey: .passed)
    try container.encode(summary, forKey: .summary)
    try container.encodeIfPresent(storeDomain, forKey: .storeDomain)
  }

  private enum CodingKeys: String, CodingKey {
    case date, result, passed, summary
    case storeDomain = "store_domain"
  }
}
