import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// A word of the command language before expansion: literal text and variable references.
public struct Word: Sendable, Equatable {
  public var segments: [Segment]
  /// Where the word starts.
  public var position: SourcePosition
  /// Character offsets of the word in its source, for completion and error carets.
  public var range: Range<Int>

  /// Whether the word holds no variable reference (`literal` is not nil), without joining its text.
  public var holdsNoVariable: Bool {
    segments.allSatisfy {
      if case .literal = $0 { true } else { false }
    }
  }

  /// The word's text when it holds no variable reference.
  public var literal: String? {
    var text = ""
    for segment in segments {
      guard case .literal(let part) = segment else { return nil }
      text += part
    }
    return text
  }
}

extension Word {
  /// A word as it would be typed, so that the lexer reads it back as itself: quoted when it holds
  /// blanks or special characters.
  static func typed(_ word: String) -> String {
    let special: Set<Character> = [" ", "\t", "'", "\"", "\\", "$", "#", ";"]
    guard word.isEmpty || word.contains(where: special.contains) else { return word }
    return "'" + word.replacing("'", with: "'\\''") + "'"
  }
}
