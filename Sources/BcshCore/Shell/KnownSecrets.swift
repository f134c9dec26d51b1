/// The secret values the session holds, longest first: what the shell masks in everything it
/// writes and what the history filter looks for in a line.
struct KnownSecrets {
  /// Longest first in UTF-8 bytes (`SecretMasking.longerInBytes`), so that a secret holding a
  /// shorter one is masked whole.
  private(set) var values: [String] = []
  /// The same values, to tell a new one in O(1).
  private var known: Set<String> = []

  /// Learns the secrets of the tokens the last command added or changed: the work is
  /// proportional to what the command touched, not to the session. True when one was new.
  mutating func learn(from state: inout ShellState) -> Bool {
    var learned = false
    for name in state.session.takeChangedNames() {
      guard let token = state.session.token(named: name) else { continue }
      if let secret = token.accessToken { learned = learn(secret.revealed) || learned }
      if let secret = token.clientSecret { learned = learn(secret.revealed) || learned }
    }
    return learned
  }

  /// Adds a secret value to those masked, keeping the longest first; false when known already.
  /// Every secret, however short: a short one is still the whole secret.
  private mutating func learn(_ value: String) -> Bool {
    guard !value.isEmpty, known.insert(value).inserted else { return false }
    var low = 0
    var high = values.count
    while low < high {
      let middle = (low + high) / 2
      if SecretMasking.longerInBytes(value, values[middle]) { high = middle } else { low = middle + 1 }
    }
    values.insert(value, at: low)
    return true
  }

  /// `text` with every known secret masked.
  func mask(_ text: String) -> String { SecretMasking.mask(text, longestFirst: values) }

  /// `value` with every known secret masked, before it is encoded.
  func mask(_ value: JSONValue) -> JSONValue { SecretMasking.mask(value, longestFirst: values) }
}
