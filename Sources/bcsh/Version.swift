/// bcsh's version, shown by `--version` and sent as the User-Agent.
enum BcshVersion {
  static let current = "0.1.0"
}
