import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `path ...`: where the token works.
enum PathCommands {
  static let all: [any ShellCommand.Type] = [PathSetCommand.self, PathShowCommand.self]
}

/// `path set VALUE`.
struct PathSetCommand: SynchronousCommand {
  static let value = RequiredArgument<String>("VALUE", .apiPath)
  static let spec = CommandSpec(
    ["path", "set"], "set the API path from an API path, store hash, store URL or account UUID",
    arguments: [value.spec], example: "path set https://store-abc123.mybigcommerce.com/manage")

  /// Read as an `APIPath` once the current token is known, so that a session without one says so
  /// first.
  let value: Given<String>

  init(from invocation: Invocation) throws(BcshError) { value = try invocation.read(Self.value) }

  func run(in context: inout CommandContext) throws(BcshError) {
    let token = try context.currentToken()
    let path: APIPath
    path = try BcshError.placing(at: value.position) { () throws(BcshError) in try APIPath.parse(value.value)
    }
    guard path.kind == token.kind else {
      throw BcshError(
        "'\(token.name)' is a \(token.kind)-level token, but \(ShownWord.quoted(value.value)) is a"
          + (path.kind == .store ? " store" : "n account") + " path",
        code: .invalidValue,
        hint: token.kind == .store
          ? "store tokens take a store hash or store URL" : "account tokens take an account UUID",
        at: value.position)
    }
    try context.updateCurrent { token in
      token.apiPath = path
    }
    context.confirm("api path: \(path.canonical)")
  }
}

/// `path show`.
struct PathShowCommand: SynchronousCommand {
  static let spec = CommandSpec(["path", "show"], "show the current token's API path", example: "path show")

  init(from invocation: Invocation) {}

  func run(in context: inout CommandContext) throws(BcshError) {
    let token = try context.currentToken()
    guard let path = token.apiPath else {
      throw BcshError(
        "'\(token.name)' has no API path yet", code: .notReady, hint: "'path set VALUE' sets it")
    }
    context.report(
      path.canonical + "\n",
      json: .object([
        ("token", .string(token.name)), ("kind", .string(path.kind.rawValue)),
        ("api_path", .string(path.canonical)), ("id", .string(path.identifier)),
      ]))
  }
}
