/// What a variable name is: a letter or `_`, then letters, digits and `_` (ASCII). The lexer,
/// `set`, `-v NAME=VALUE` and completion all ask here.
public enum VariableName {
  public static func isValid(_ text: String) -> Bool {
    guard let first = text.first, canStart(first) else { return false }
    return text.allSatisfy(canContinue)
  }

  public static func canStart(_ character: Character) -> Bool {
    character == "_" || (character.isASCII && character.isLetter)
  }

  public static func canContinue(_ character: Character) -> Bool {
    character == "_" || (character.isASCII && (character.isLetter || character.isNumber))
  }
}
