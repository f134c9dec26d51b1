import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// A word after variable expansion, with the place it came from.
public struct Argument: Sendable, Equatable {
  public var value: String
  public var position: SourcePosition
  /// Whether the value was written out, not taken from a variable.
  public var isLiteral: Bool

  public init(_ value: String, at position: SourcePosition, isLiteral: Bool = true) {
    self.value = value
    self.position = position
    self.isLiteral = isLiteral
  }
}

/// Expands variables in words: a name is looked up among the session's variables, then the
/// environment. An unset variable is an error, never an empty string.
public struct Expander {
  public var lookup: (String) -> String?

  public init(lookup: @escaping (String) -> String?) {
    self.lookup = lookup
  }

  public func expand(_ word: Word) throws(BcshError) -> Argument {
    Argument(try expand(word.segments), at: word.position, isLiteral: word.literal != nil)
  }

  public func expand(_ words: [Word]) throws(BcshError) -> [Argument] {
    var result: [Argument] = []
    for word in words { result.append(try expand(word)) }
    return result
  }

  private func expand(_ segments: [Segment]) throws(BcshError) -> String {
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
