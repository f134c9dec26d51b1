import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// Where the cursor stands in a line: the command being written (only its words before the cursor
/// count; a `;` starts a new one) and the word under the cursor.
struct CompletionSite {
  /// The values of the command's words before the word under the cursor; nil for a word whose
  /// value is not known (it uses an unset variable).
  let earlierWords: [String?]
  let word: PartialWord
  /// The UTF-8 offset in the line where the word under the cursor starts.
  let wordStart: Int

  /// Reads `prefix`, the text before the cursor. nil when the cursor stands in a comment or the
  /// text does not lex even tolerantly (`${` followed by no name).
  init?(prefix: String, lookup: @escaping (String) -> String?) {
    // The lexer counts characters with CRLF read as one line end; so does this array.
    let original = Array(prefix)
    let characters = original.map { $0 == "\r\n" ? "\n" : $0 }
    var lexer = Lexer(prefix, source: "completion", tolerant: true)
    guard let commands = try? lexer.commands() else { return nil }
    var earlier = commands.last?.words ?? []
    var start = characters.count
    if let last = earlier.last, last.range.upperBound >= characters.count {
      earlier.removeLast()
      start = min(last.range.lowerBound, characters.count)
    } else {
      switch Self.gap(characters, from: earlier.last?.range.upperBound ?? 0) {
      case .inComment: return nil
      case .newCommand: earlier = []
      case .sameCommand: break
      }
    }
    let expander = Expander(lookup: lookup)
    earlierWords = earlier.map { $0.literal ?? (try? expander.expand($0))?.value }
    word = PartialWord(raw: Array(characters[start...]), lookup: lookup)
    wordStart = original[..<start].reduce(0) { $0 + $1.utf8.count }
  }

  private enum Gap { case sameCommand, newCommand, inComment }

  /// What lies between the last word and the cursor: blanks, `;`, line ends, continuations and
  /// comments.
  private static func gap(_ characters: [Character], from start: Int) -> Gap {
    var gap = Gap.sameCommand
    var index = start
    while index < characters.count {
      switch characters[index] {
      case ";", "\n":
        gap = .newCommand
      case "#":
        while index < characters.count, characters[index] != "\n" { index += 1 }
        if index == characters.count { return .inComment }
        gap = .newCommand
      case "\\":
        // Only a continuation (`\` then a line end) can stand between words.
        index += 1
      default:
        break
      }
      index += 1
    }
    return gap
  }
}
