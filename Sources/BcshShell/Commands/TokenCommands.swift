import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `token ...`: the credentials being prepared.
enum TokenCommands {
  static let all: [CommandSpec] = [
    CommandSpec(
      ["token", "new"], "create a token (store-level unless --account) and make it current",
      arguments: [ArgumentSpec("NAME", .newTokenName)],
      options: [OptionSpec("--account", "an account-level token (GraphQL Account API)")],
      example: "token new migration-2026"
    ) { context, invocation throws(BcshError) in
      let name = invocation.argument("NAME")!
      do throws(BcshError) {
        try Session.checkName(name.value)
      } catch {
        throw error.placed(at: name.position)
      }
      let kind: TokenKind = invocation.flag("--account") ? .account : .store
      try context.state.session.add(Token(name: name.value, kind: kind))
      context.confirm("created \(kind)-level token '\(name.value)'")
    },
    CommandSpec(["token", "list"], "list the tokens of this session", example: "token list") {
      context, _ throws(BcshError) in
      let session = context.state.session
      context.report(
        TokenRendering.list(session, style: context.format.style, width: context.format.width),
        json: .array(session.tokens.map { TokenRendering.json($0, current: $0.name == session.currentName) }))
    },
    CommandSpec(
      ["token", "use"], "make a token current", arguments: [ArgumentSpec("NAME", .tokenName)],
      example: "token use audit-ro"
    ) { context, invocation throws(BcshError) in
      let name = invocation.argument("NAME")!
      do throws(BcshError) { try context.state.session.use(name.value) } catch {
        throw error.placed(at: name.position)
      }
      context.confirm("using token '\(name.value)'")
    },
    CommandSpec(
      ["token", "show"], "show a token (the current one by default), secrets masked",
      arguments: [ArgumentSpec("NAME", .tokenName, .optional)],
      options: [OptionSpec("--reveal", "show the access token and client secret in full")],
      example: "token show --reveal"
    ) { context, invocation throws(BcshError) in
      let token = try context.token(named: invocation.argument("NAME"))
      let reveal = invocation.flag("--reveal")
      let current = token.name == context.state.session.currentName
      let state = context.state
      let home = { (field: CredentialField) in state.home(of: field, of: token) }
      context.report(
        TokenRendering.details(token, reveal: reveal, style: context.format.style, home: home),
        json: TokenRendering.json(token, current: current, reveal: reveal, home: home),
        revealingSecrets: reveal)
    },
    CommandSpec(
      ["token", "rename"], "rename a token",
      arguments: [ArgumentSpec("OLD", .tokenName), ArgumentSpec("NEW", .newTokenName)],
      example: "token rename migration migration-2026"
    ) { context, invocation throws(BcshError) in
      let old = invocation.argument("OLD")!
      let new = invocation.argument("NEW")!
      do throws(BcshError) {
        try context.state.session.rename(old.value, to: new.value)
      } catch {
        throw error.placed(
          at: context.state.session.token(named: old.value) == nil ? old.position : new.position)
      }
      context.confirm("renamed token '\(old.value)' to '\(new.value)'")
    },
    CommandSpec(
      ["token", "rm"], "remove a token from the session", arguments: [ArgumentSpec("NAME", .tokenName)],
      example: "token rm old-token"
    ) { context, invocation throws(BcshError) in
      let name = invocation.argument("NAME")!
      do throws(BcshError) { try context.state.session.remove(name.value) } catch {
        throw error.placed(at: name.position)
      }
      context.confirm("removed token '\(name.value)'")
    },
    CredentialCommands.set,
    CredentialCommands.importFile,
    CommandSpec(
      ["token", "checklist"], "the steps to create this exact API account in the control panel",
      arguments: [ArgumentSpec("NAME", .tokenName, .optional)],
      example: "token checklist"
    ) { context, invocation throws(BcshError) in
      let token = try context.token(named: invocation.argument("NAME"))
      // An account without scopes can do nothing the job needs: the steps would make a useless one.
      guard !token.grants.isEmpty else {
        throw BcshError(
          "'\(token.name)' declares no scopes yet, so there is no account to describe",
          hint: "declare what the job needs first: 'scope preset' lists the presets; 'scope add SCOPE=LEVEL' "
            + "adds one; 'scope need METHOD PATH' finds the scopes of requests",
          at: invocation.argument("NAME")?.position)
      }
      context.report(
        Checklist.text(for: token, style: context.format.style, width: context.format.width),
        json: Checklist.json(for: token))
    },
  ]
}

extension CommandContext {
  /// The token an optional NAME argument names, or the current one.
  func token(named argument: Argument?) throws(BcshError) -> Token {
    guard let argument else { return try currentToken() }
    do throws(BcshError) { return try state.session.require(argument.value) } catch {
      throw error.placed(at: argument.position)
    }
  }
}
