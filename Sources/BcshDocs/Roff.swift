/// Text for man(7) pages.
enum Roff {
  /// `text` with roff's special characters escaped: a backslash, a hyphen (so that option names
  /// are not hyphenated or turned into dashes), and a leading `.` or `'`.
  static func escaped(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "\\": out += "\\e"
      case "-": out += "\\-"
      default: out.append(character)
      }
    }
    if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
    return out
  }

  static func bold(_ text: String) -> String { "\\fB" + escaped(text) + "\\fR" }
  static func italic(_ text: String) -> String { "\\fI" + escaped(text) + "\\fR" }

  /// A synopsis (`token set FIELD [VALUE] [--env VAR]`) as the manual sets it: words and option
  /// names bold, metavariables (upper case) in lower-case italics, brackets and bars roman.
  static func synopsis(_ text: String) -> String {
    var out = ""
    var word = ""
    func flush() {
      guard !word.isEmpty else { return }
      let isMetavariable = word.contains { $0.isUppercase } && !word.contains { $0.isLowercase }
      out += isMetavariable ? italic(word.lowercased()) : bold(word)
      word = ""
    }
    var rest = Substring(text)
    while let character = rest.first {
      if rest.hasPrefix("...") {
        flush()
        out += ".\\|.\\|."
        rest = rest.dropFirst(3)
        continue
      }
      if "[]|= ".contains(character) {
        flush()
        out.append(character)
      } else {
        word.append(character)
      }
      rest = rest.dropFirst()
    }
    flush()
    return out
  }
}
