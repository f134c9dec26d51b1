import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

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

extension VariableName {
  /// `canStart` for one byte of UTF-8 text: only ASCII bytes can start a name.
  static func canStart(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "_") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
  }

  /// `canContinue` for one byte of UTF-8 text.
  static func canContinue(_ byte: UInt8) -> Bool {
    canStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }
}
