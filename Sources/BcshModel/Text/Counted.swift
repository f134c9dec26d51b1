/// A number and its noun, the noun in the singular for one: "1 token", "3 tokens",
/// "1 HAR entry", "2 HAR entries". Every count+noun bcsh prints goes through it.
public enum Counted {
  /// `count` and `singular`, or `plural` (default: `singular` + "s") for any count but one.
  public static func text(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) " + noun(count, singular, plural)
  }

  /// The noun alone, in the number `count` asks for.
  public static func noun(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    count == 1 ? singular : plural ?? singular + "s"
  }
}
