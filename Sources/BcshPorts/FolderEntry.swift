/// One entry of a folder as `lstat` sees it: a symbolic link is a link, never what it points to.
public struct FolderEntry: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case file, folder, symbolicLink, other
  }

  public var name: String
  public var kind: Kind
  /// The permission bits (`0o644`).
  public var permissions: Int
  public var size: Int64

  public init(name: String, kind: Kind, permissions: Int, size: Int64) {
    self.name = name
    self.kind = kind
    self.permissions = permissions
    self.size = size
  }
}
