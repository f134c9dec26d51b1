/// A set of secrets made ready to be found in text in one pass: linear in the text plus the
/// matches, whatever the number of secrets, and a secret added or removed in O(its length).
///
/// Every credential bcsh accepts has at least `CredentialValue.minimumLength` (16) bytes, so each
/// secret is filed under its first 16 bytes, and the text is read one 16-byte window at a time:
/// a window that starts no secret (almost all of them) costs one table look-up; one that does is
/// compared with the secrets filed there, longest first. This is Rabin-Karp over a fixed window
/// rather than an Aho-Corasick automaton because the set changes command by command (a script of
/// 10k `token set` lines) and a change here costs its own length, not a rebuild of the automaton.
/// Secrets shorter than the window (only `SecretMasking`'s callers can pass those) are searched
/// one by one.
public struct SecretIndex: Sendable {
  static let window = 16
  /// Bits of a window's hash that choose its counter in `filter`.
  private static let filterBits = 18

  private struct Prefix: Hashable, Sendable {
    var low: UInt64
    var high: UInt64

    /// The slot in `filter`: a multiplicative hash of both halves.
    var slot: Int {
      let mixed = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)
      return Int(truncatingIfNeeded: mixed >> UInt64(64 - SecretIndex.filterBits))
    }
  }

  /// The secrets filed under their first 16 bytes, longest first, each with how many times it was
  /// added (a value held by two tokens stays until both let it go).
  private var filed: [Prefix: [(bytes: [UInt8], count: Int)]] = [:]
  /// How many filed secrets hash to each slot: a window whose slot counts 0 starts no secret.
  private var filter: [UInt32] = []
  /// Secrets shorter than the window, with their counts.
  private var short: [[UInt8]: Int] = [:]

  public init() {}

  public init(_ secrets: [String]) {
    for secret in secrets { add(secret) }
  }

  public var isEmpty: Bool { filed.isEmpty && short.isEmpty }

  /// Adds one holder of `secret`; true when the value was not there before.
  @discardableResult
  public mutating func add(_ secret: String) -> Bool {
    let bytes = Array(secret.utf8)
    guard !bytes.isEmpty else { return false }
    guard bytes.count >= Self.window else {
      short[bytes, default: 0] += 1
      return short[bytes] == 1
    }
    let prefix = Self.prefix(of: bytes)
    var entries = filed[prefix] ?? []
    if let index = entries.firstIndex(where: { $0.bytes == bytes }) {
      entries[index].count += 1
      filed[prefix] = entries
      return false
    }
    let place = entries.firstIndex { $0.bytes.count < bytes.count } ?? entries.count
    entries.insert((bytes, 1), at: place)
    filed[prefix] = entries
    if filter.isEmpty { filter = Array(repeating: 0, count: 1 << Self.filterBits) }
    filter[prefix.slot] += 1
    return true
  }

  /// Lets one holder of `secret` go; true when no holder is left and the value is no longer masked.
  @discardableResult
  public mutating func remove(_ secret: String) -> Bool {
    let bytes = Array(secret.utf8)
    guard !bytes.isEmpty else { return false }
    guard bytes.count >= Self.window else {
      guard let count = short[bytes] else { return false }
      short[bytes] = count > 1 ? count - 1 : nil
      return count == 1
    }
    let prefix = Self.prefix(of: bytes)
    guard var entries = filed[prefix], let index = entries.firstIndex(where: { $0.bytes == bytes }) else {
      return false
    }
    entries[index].count -= 1
    guard entries[index].count == 0 else {
      filed[prefix] = entries
      return false
    }
    entries.remove(at: index)
    filed[prefix] = entries.isEmpty ? nil : entries
    filter[prefix.slot] -= 1
    return true
  }

  /// Whether any secret occurs in `text`.
  public func occurs(in text: String) -> Bool {
    guard !isEmpty else { return false }
    return withBytes(of: text) { !stretches(in: $0, firstOnly: true).isEmpty }
  }

  /// `text` with each stretch covered by secrets replaced by its masked form (`Secret.mask`: the
  /// last four characters of the stretch, which end a secret).
  public func mask(_ text: String) -> String {
    guard !isEmpty else { return text }
    return withBytes(of: text) { bytes in
      let stretches = stretches(in: bytes, firstOnly: false)
      guard !stretches.isEmpty else { return text }
      var result: [UInt8] = []
      result.reserveCapacity(bytes.count)
      var start = 0
      for stretch in stretches {
        result.append(contentsOf: bytes[start..<stretch.lowerBound])
        // A match starts and ends on scalar boundaries (UTF-8 is self-synchronising), so the
        // bytes stay valid UTF-8.
        result.append(contentsOf: Secret.mask(String(decoding: bytes[stretch], as: UTF8.self)).utf8)
        start = stretch.upperBound
      }
      result.append(contentsOf: bytes[start...])
      return String(decoding: result, as: UTF8.self)
    }
  }

  /// `value` with every string in it masked, keys too.
  public func mask(_ value: JSONValue) -> JSONValue {
    guard !isEmpty else { return value }
    switch value {
    case .string(let text): return .string(mask(text))
    case .array(let values): return .array(values.map { mask($0) })
    case .object(let members): return .object(members.map { (mask($0.0), mask($0.1)) })
    case .null, .bool, .number, .double: return value
    }
  }

  // MARK: Finding

  private func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(text.utf8).withUnsafeBufferPointer(body)
  }

  private static func prefix(of bytes: [UInt8]) -> Prefix {
    bytes.withUnsafeBytes { raw in
      Prefix(
        low: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
        high: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    }
  }

  /// The stretches of `bytes` that secrets cover, in order, overlapping ones joined.
  private func stretches(in bytes: UnsafeBufferPointer<UInt8>, firstOnly: Bool) -> [Range<Int>] {
    var found: [Range<Int>] = []
    func note(_ match: Range<Int>) {
      if let last = found.last, match.lowerBound < last.upperBound {
        found[found.count - 1] = last.lowerBound..<max(last.upperBound, match.upperBound)
      } else {
        found.append(match)
      }
    }
    if !filed.isEmpty && bytes.count >= Self.window {
      let raw = UnsafeRawBufferPointer(bytes)
      for start in 0...(bytes.count - Self.window) {
        let prefix = Prefix(
          low: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self),
          high: raw.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self))
        guard filter[prefix.slot] != 0, let entries = filed[prefix] else { continue }
        for entry in entries where entry.bytes.count <= bytes.count - start {
          if Self.matches(entry.bytes, in: bytes, at: start) {
            note(start..<(start + entry.bytes.count))
            if firstOnly { return found }
            break
          }
        }
      }
    }
    guard !short.isEmpty else { return found }
    // Secrets shorter than the window: each searched on its own, then joined with the rest.
    var matches = found
    for needle in short.keys {
      var start = 0
      while start + needle.count <= bytes.count {
        if Self.matches(needle, in: bytes, at: start) {
          matches.append(start..<(start + needle.count))
          if firstOnly { return matches }
        }
        start += 1
      }
    }
    matches.sort { ($0.lowerBound, -$0.upperBound) < ($1.lowerBound, -$1.upperBound) }
    found = []
    for match in matches { note(match) }
    return found
  }

  private static func matches(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool
  {
    var index = 0
    while index < needle.count {
      if bytes[start + index] != needle[index] { return false }
      index += 1
    }
    return true
  }
}
