import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `path ...`: where the token works.
enum PathCommands {
  static let all: [CommandSpec] = [
    CommandSpec(
      ["path", "set"], "set the API path from an API path, store hash, store URL or account UUID",
      arguments: [ArgumentSpec("VALUE", .apiPath)],
      example: "path set https://store-abc123.mybigcommerce.com/manage"
    ) { context, invocation throws(BcshError) in
      let value = invocation.argument("VALUE")!
      let token = try context.currentToken()
      let path: APIPath
      do throws(BcshError) { path = try APIPath.parse(value.value) } catch {
        throw error.placed(at: value.position)
      }
      guard path.kind == token.kind else {
        throw BcshError(
          "'\(token.name)' is a \(token.kind)-level token, but \(ShownWord.quoted(value.value)) is a"
            + (path.kind == .store ? " store" : "n account") + " path",
          hint: token.kind == .store
            ? "store tokens take a store hash or store URL" : "account tokens take an account UUID",
          at: value.position)
      }
      try context.updateCurrent { token in
        token.apiPath = path
      }
      context.confirm("api path: \(path.canonical)")
    },
    CommandSpec(["path", "show"], "show the current token's API path", example: "path show") {
      context, _ throws(BcshError) in
      let token = try context.currentToken()
      guard let path = token.apiPath else {
        throw BcshError("'\(token.name)' has no API path yet", hint: "'path set VALUE' sets it")
      }
      context.report(
        path.canonical + "\n",
        json: .object([
          ("token", .string(token.name)), ("kind", .string(path.kind.rawValue)),
          ("api_path", .string(path.canonical)), ("id", .string(path.identifier)),
        ]))
    },
  ]
}
