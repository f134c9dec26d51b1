/// Whether a typed line continues on the next one: it ends in an unescaped backslash
/// (README, "The script language in brief").
public enum LineContinuation {
  public static func continues(_ line: String) -> Bool {
    line.reversed().prefix { $0 == "\\" }.count % 2 == 1
  }
}
