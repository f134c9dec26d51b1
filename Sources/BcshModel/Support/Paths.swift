/// Path helpers that need no Foundation.
public enum Paths {
  public static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  public static func fileName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  /// `path` made absolute against `base`, with `~` expanded from `home`.
  public static func resolve(_ path: String, against base: String, home: String?) -> String {
    if path == "~" { return home ?? path }
    if path.hasPrefix("~/"), let home { return home + path.dropFirst(1) }
    if path.hasPrefix("/") { return path }
    return (base.hasSuffix("/") ? base : base + "/") + path
  }
}
