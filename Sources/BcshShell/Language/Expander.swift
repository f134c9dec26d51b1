import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// Expands variables in words: a name is looked up among the session's variables, then the
/// environment. An unset variable is an error, never an empty string.
public struct Expander {
  public var lookup: (String) -> String?

  public init(lookup: @escaping (String) -> String?) {
    self.lookup = lookup
  }

  public func expand(_ word: Word) throws(BcshError) -> ExpandedWord {
    ExpandedWord(try expand(word.segments), at: word.position, isLiteral: word.holdsNoVariable)
  }

  public func expand(_ words: [Word]) throws(BcshError) -> [ExpandedWord] {
    var result: [ExpandedWord] = []
    result.reserveCapacity(words.count)
    for word in words { result.append(try expand(word)) }
    return result
  }

  private func expand(_ segments: [Segment]) throws(BcshError) -> String {
    // A plain word (most of them) is its one literal, shared rather than copied.
    if segments.count == 1, case .literal(let part) = segments[0] { return part }
    var text = ""
    for segment in segments {
      switch segment {
      case .literal(let part): text += part
      case .variable(let reference): text += try value(of: reference)
      }
    }
    return text
  }

  private func value(of reference: VariableReference) throws(BcshError) -> String {
    let value = lookup(reference.name)
    switch reference.fallback {
    case nil:
      guard let value else {
        throw BcshError(
          "variable \(ShownWord.quoted(reference.name)) is not set", code: .unknownName,
          hint: ShownWord.looksLikeSecret(reference.name)
            ? "a value where a variable name should be? '$' starts a variable reference"
            : "set it with 'set \(reference.name) VALUE', or write ${\(reference.name):-default}",
          at: reference.position)
      }
      return value
    case .value(let fallback):
      if let value, !value.isEmpty { return value }
      return try expand(fallback)
    case .error(let message):
      if let value, !value.isEmpty { return value }
      let text = try expand(message)
      throw BcshError(
        text.isEmpty
          ? "variable \(ShownWord.quoted(reference.name)) is not set"
          : "\(ShownWord.bare(reference.name)): \(ShownWord.bare(text))", code: .unknownName,
        at: reference.position)
    }
  }
}
