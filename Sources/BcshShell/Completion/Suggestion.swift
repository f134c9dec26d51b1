import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// A value Tab could complete a word to, before it is quoted for the line.
struct Suggestion: Equatable {
  /// The word's whole value: `products=modify`, `~/Downloads/`.
  var value: String
  /// What a list shows: the value, or a file's name without its folder.
  var display: String
  var detail: String?
  /// Whether the value is a whole word that a space may follow: false for folders and `SCOPE=`.
  var isComplete: Bool

  init(_ value: String, display: String? = nil, detail: String? = nil, isComplete: Bool = true) {
    self.value = value
    self.display = display ?? value
    self.detail = detail
    self.isComplete = isComplete
  }
}

extension Sequence<Suggestion> {
  /// The suggestions whose value starts with `typed`, ignoring case: bcsh's words are lower case,
  /// and `Tok` should still find `token`.
  func matching(_ typed: String) -> [Suggestion] {
    let wanted = typed.lowercased()
    return filter { $0.value.lowercased().hasPrefix(wanted) }
  }
}
