import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// `scope ...`: what the current token may do.
enum ScopeCommands {
  static let all: [CommandSpec] = [
    CommandSpec(
      ["scope", "add"],
      "declare scopes, each at a level (default: its highest; every box of an account-level resource)",
      arguments: [ArgumentSpec("SCOPE[=LEVEL]", .scopeGrant, .oneOrMore)],
      example: "scope add products=read-only \"Information & Settings\" store_v2_orders"
    ) { context, invocation throws(BcshError) in
      let token = try context.currentToken()
      var grants: [ScopeGrant] = []
      for argument in invocation.arguments("SCOPE[=LEVEL]") {
        do throws(BcshError) {
          let (scope, levels) = try ScopeCatalog.resolveGrants(argument.value, for: token.kind)
          grants += levels.map { ScopeGrant(scopeID: scope.id, level: $0) }
        } catch {
          throw error.placed(at: argument.position)
        }
      }
      try context.updateCurrent { token in
        for grant in grants { token.grant(grant) }
      }
      // A drop-down scope holds one level: a new one replaces what was declared, and says so.
      let list = grants.map { grant in
        let before = grant.scope?.choice == .checkboxes ? nil : token.level(of: grant.scopeID)
        let change = before.map { $0 == grant.level ? "" : " (was \($0))" } ?? ""
        return "\(grant.scopeID)=\(grant.level)" + change
      }.joined(separator: ", ")
      context.confirm("'\(token.name)' declares \(list)")
    },
    CommandSpec(
      ["scope", "rm"], "remove declared scopes (SCOPE=LEVEL: one box of an account-level resource)",
      arguments: [ArgumentSpec("SCOPE[=LEVEL]", .declaredScope, .oneOrMore)],
      example: "scope rm marketing"
    ) { context, invocation throws(BcshError) in
      let token = try context.currentToken()
      var removals: [(id: String, level: AccessLevel?)] = []
      for argument in invocation.arguments("SCOPE[=LEVEL]") {
        do throws(BcshError) {
          // `SCOPE=LEVEL` or a token string names one box; a bare name, the whole scope.
          let (scope, named) = try ScopeCatalog.resolveLevel(argument.value, for: token.kind)
          let hasLevel = named != nil
          let level = named ?? scope.highestLevel
          let declared = token.levels(of: scope.id)
          guard hasLevel ? declared.contains(level) : !declared.isEmpty else {
            let what = hasLevel ? "\(scope.id)=\(level)" : scope.id
            throw BcshError(
              "'\(token.name)' does not declare '\(what)'",
              hint: token.grants.isEmpty
                ? "it declares no scopes"
                : "it declares: \(ScopeRendering.grantList(token.grants))")
          }
          removals.append((scope.id, hasLevel ? level : nil))
        } catch {
          throw error.placed(at: argument.position)
        }
      }
      try context.updateCurrent { token in
        for removal in removals { token.revoke(scopeID: removal.id, level: removal.level) }
      }
      let list = removals.map { removal in removal.level.map { "\(removal.id)=\($0)" } ?? removal.id }
      context.confirm("removed \(list.joined(separator: ", ")) from '\(token.name)'")
    },
    CommandSpec(["scope", "clear"], "remove every declared scope", example: "scope clear") {
      context, _ throws(BcshError) in
      let token = try context.currentToken()
      try context.updateCurrent { token in
        token.revokeAll()
      }
      context.confirm(
        token.grants.isEmpty
          ? "'\(token.name)' declared no scopes"
          : "removed \(Counted.text(token.grants.count, "scope")) from '\(token.name)'")
    },
    CommandSpec(
      ["scope", "list"], "this token's scopes in control-panel order (--all: the whole catalog)",
      options: [OptionSpec("--all", "every scope bcsh knows, with levels, token strings and probes")],
      example: "scope list --all"
    ) { context, invocation throws(BcshError) in
      if invocation.flag("--all") {
        context.report(
          ScopeRendering.catalog(style: context.format.style, width: context.format.width),
          json: ScopeRendering.catalogJSON())
        return
      }
      let token = try context.currentToken()
      context.report(
        ScopeRendering.declared(token, style: context.format.style, width: context.format.width),
        json: .array(token.grants.map(ScopeRendering.json)))
    },
    CommandSpec(
      ["scope", "preset"], "apply a named set of scopes; with no NAME, list the presets",
      arguments: [ArgumentSpec("NAME", .preset, .optional)],
      example: "scope preset migration-to"
    ) { context, invocation throws(BcshError) in
      guard let name = invocation.argument("NAME") else {
        context.report(
          ScopeRendering.presets(style: context.format.style, width: context.format.width),
          json: ScopeRendering.presetsJSON())
        return
      }
      // `Invocation` has checked it against the closed set.
      let preset = Preset.named(name.value)!
      let token = try context.currentToken()
      guard token.kind == .store else {
        throw BcshError(
          "presets hold store-level scopes; '\(token.name)' is an account-level token",
          hint: "'scope add' declares account scopes one by one", at: name.position)
      }
      try context.updateCurrent { token in
        for grant in preset.grants { token.grant(grant) }
      }
      context.confirm(
        "'\(token.name)' declares the \(preset.name) preset (\(Counted.text(preset.grants.count, "scope")))")
    },
  ]
}
