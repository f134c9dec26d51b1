import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

extension Shell {
  /// Whether a word is shaped like a credential (`token set access-token=VALUE` carries one though
  /// its command does not take a VALUE there): such a line stays out of the history whatever it is.
  static func holdsSecretShapedWord(_ words: [String?]) -> Bool {
    words.contains { $0.map(ShownWord.looksLikeSecret) ?? false }
  }

  /// Whether a command that names no known command may still carry a secret (`tokn set
  /// access-token VALUE`): a word shaped like a secret, or any word after a secret field's name.
  static func mayCarrySecret(unmatched words: [String?]) -> Bool {
    for (index, word) in words.enumerated() {
      guard let word else { continue }
      if ShownWord.looksLikeSecret(word) { return true }
      if index + 1 < words.count && ShownWord.namesSecretField(word) { return true }
    }
    return false
  }
}
