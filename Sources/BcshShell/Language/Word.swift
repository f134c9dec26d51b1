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

/// One piece of a word.
public enum Segment: Sendable, Equatable {
  case literal(String)
  case variable(VariableReference)
}

/// `$NAME`, `${NAME}`, `${NAME:-default}` or `${NAME:?message}`.
public struct VariableReference: Sendable, Equatable {
  public enum Fallback: Sendable, Equatable {
    /// `:-`: use this text when the variable is unset or empty.
    case value([Segment])
    /// `:?`: fail with this message when the variable is unset or empty.
    case error([Segment])
  }

  public var name: String
  public var fallback: Fallback?
  public var position: SourcePosition
}

/// One command as written: its words and where it starts.
public struct CommandLine: Sendable, Equatable {
  public var words: [Word]
  public var position: SourcePosition
}
