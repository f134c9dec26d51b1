import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// A value read from one word of a command, with that word: its text as given, where it stands,
/// and whether it was written out.
struct Given<Value: Sendable>: Sendable {
  let value: Value
  let word: ExpandedWord

  var position: SourcePosition { word.position }
}

extension Given where Value: ShellArgument {
  /// Reads `word` as a `Value`; a word it refuses is an error at the word.
  init(reading word: ExpandedWord) throws(BcshError) {
    value = try BcshError.placing(at: word.position) { () throws(BcshError) in try Value(argument: word.value)
    }
    self.word = word
  }
}
