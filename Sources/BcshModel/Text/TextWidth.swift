/// How many terminal columns text takes: East Asian wide characters and emoji two, combining marks
/// and zero-width characters none, the rest one. (The C library's `wcwidth` is not visible from
/// Swift on glibc without X/Open feature macros, and a fixed table keeps the layout the same in
/// every locale.) The one measure of text on a terminal: tables, wrapping, Tab's listings.
public enum TextWidth {
  /// The columns `text` takes on a terminal. Escape sequences (colour) take none.
  public static func of(_ text: String) -> Int {
    var width = 0
    var inEscape = false
    for scalar in text.unicodeScalars {
      if inEscape {
        if scalar.properties.isAlphabetic { inEscape = false }
      } else if scalar == "\u{1B}" {
        inEscape = true
      } else {
        width += columns(scalar)
      }
    }
    return width
  }

  public static func columns(_ scalar: Unicode.Scalar) -> Int {
    // ASCII holds no mark, format or wide character; its general category costs a table lookup.
    if scalar.isASCII { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    return wideRanges.contains { $0.contains(scalar.value) } ? 2 : 1
  }

  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
    0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
    0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
  ]
}
