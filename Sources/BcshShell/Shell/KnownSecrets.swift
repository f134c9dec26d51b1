import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// The secret values the session holds, ready to be masked in everything the shell writes and
/// looked for by the history filter; plus, while a command runs, the values it has read, masked
/// from the moment they are read. A secret replaced or removed stops being masked once no token
/// holds it (issue 21 item 7).
struct KnownSecrets {
  /// Every value masked, each counted once per token field that holds it and once per read.
  private(set) var index = SecretIndex()
  /// The secret values each token held when last seen: what a change or removal lets go.
  private var held: [String: [String]] = [:]
  /// The session `held` describes.
  private var lineage: ObjectIdentifier?
  /// Values the running command has read (`noteRead`), let go when it ends.
  private var read: [String] = []

  /// Brings the masked values in step with the tokens the last command added, changed, renamed or
  /// removed: the work is proportional to what the command touched, not to the session (a session
  /// opened from a file is read whole once). True when a value was new.
  mutating func learn(from state: inout ShellState) -> Bool {
    var learned = false
    let changed = state.session.takeChangedNames()
    if lineage != state.session.lineageID {
      lineage = state.session.lineageID
      for values in held.values { for value in values { index.remove(value) } }
      held = [:]
      for token in state.session.tokens { learned = hold(token.name, in: state.session) || learned }
      return learned
    }
    for name in changed { learned = hold(name, in: state.session) || learned }
    return learned
  }

  /// Replaces what token `name` held by what it holds now (nothing when it is gone).
  private mutating func hold(_ name: String, in session: Session) -> Bool {
    let now = session.withToken(named: name, Self.secrets(of:)) ?? []
    // No token held a secret and this one holds none: nothing to compare (most commands).
    if now.isEmpty && held.isEmpty { return false }
    let before = held[name] ?? []
    guard now != before else { return false }
    var learned = false
    for value in now { learned = index.add(value) || learned }
    for value in before { index.remove(value) }
    held[name] = now.isEmpty ? nil : now
    return learned
  }

  /// A token's secrets, and its client ID when that has a client secret's shape (pasted into the
  /// wrong field, issue 21 item 6): shown nowhere all the same.
  /// Built without intermediate arrays: it runs after every command that changes a token, and most
  /// tokens a script changes hold no secret yet.
  private static func secrets(of token: Token) -> [String] {
    var values: [String] = []
    if let value = token.accessToken?.revealed, !value.isEmpty { values.append(value) }
    if let value = token.clientSecret?.revealed, !value.isEmpty { values.append(value) }
    if let value = token.clientID, !value.isEmpty, CredentialValue.looksLikeClientSecret(value) {
      values.append(value)
    }
    return values
  }

  /// Masks `value` from now until the running command ends (then only if a token holds it).
  /// A value shorter than any credential bcsh accepts is refused before it could become one, and
  /// masking it would mask pieces of the very error that refuses it.
  mutating func noteRead(_ value: String) {
    guard value.utf8.count >= CredentialValue.minimumLength else { return }
    index.add(value)
    read.append(value)
  }

  /// The running command has ended: what it read is masked only if a token holds it.
  mutating func endCommand() {
    for value in read { index.remove(value) }
    read = []
  }

  /// `text` with every known secret masked.
  func mask(_ text: String) -> String { index.mask(text) }

  /// `value` with every known secret masked, before it is encoded.
  func mask(_ value: JSONValue) -> JSONValue { index.mask(value) }

  /// Whether a known secret occurs in `text`.
  func occurs(in text: String) -> Bool { index.occurs(in: text) }
}
