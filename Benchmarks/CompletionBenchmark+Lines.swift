import BcshFormats
import BcshModel
import BcshPorts
import BcshShell
import BcshVerify

extension CompletionBenchmark {
  /// Lines that reach every command, option and argument kind, and every scope of `kind` in each
  /// of its spellings and level forms; each is completed at every prefix.
  static func lines(for kind: TokenKind) -> [String] {
    var lines: [String] = []
    for spec in CommandTable.all {
      lines.append("help \(spec.name)")
      for argument in spec.arguments {
        for sample in samples(for: argument.kind, scopesOf: kind) { lines.append("\(spec.name) \(sample)") }
      }
      for option in spec.options {
        let values = option.value.map { samples(for: $0.kind, scopesOf: kind) } ?? [""]
        for value in values { lines.append("\(spec.name) \(option.name) \(value)") }
        if option.value != nil { lines.append("\(spec.name) \(option.name)=\(values.first ?? "")") }
      }
    }
    lines += [
      "echo \"$STORE_HASH\" ${STORE} ${HOME:-/} café ☕; scope add products=modify; token use audit-ro",
      "token set client-id --file ~/Downloads/api-credentials-1.txt; source 'My Files/report.json'",
      "scope add \"Information & Settings=read-only\" 'Sites & Routes' store_v2_orders # a comment",
    ]
    return lines
  }

  private static func samples(for kind: ArgumentKind, scopesOf tokenKind: TokenKind) -> [String] {
    switch kind {
    case .scopeGrant:
      ScopeCatalog.scopes(for: tokenKind).flatMap { scope in
        [scope.id, "\"\(scope.uiName)\"", scope.uiName.lowercased()] + scope.aliases
          + scope.levels.map { "\(scope.id)=\($0.level)" } + scope.levels.compactMap(\.tokenString)
      }
    case .declaredScope: ["products", "marketing", "\"Products\""]
    case .scopeTopic: ScopeCatalog.all.map(\.id) + ["default", "webhooks", "store_v2_products=read-only"]
    case .request:
      // Every template of the endpoint catalog, with concrete ids where it has parameters.
      EndpointCatalog.all.map { "\($0.method) " + EndpointBenchmark.concrete($0.template) }
    case .coverageTarget: Preset.all.map(\.name) + ["setup.bcsh", "sub/inner.json"]
    case .tokenName, .mintingToken: ["store-token", "audit-ro", "account-token"]
    case .storefrontToken: ["headless-browser"]
    case .storefrontKind: ["storefront", "private", "impersonation"]
    case .storefrontScope: ["Unauthenticated", "Customer", "B2B"]
    case .channelID: ["1"]
    case .preset: Preset.all.map(\.name)
    case .credentialField: CredentialField.allCases.map(\.rawValue)
    case .saveFormat: ["session", "txt", "env"]
    case .exportTool: ["catalyst", "stencil", "env"]
    case .scopeSelection: ["declared", "all", "none"]
    case .execTool: ["bigcommerce", "catalyst", "stencil"]
    case .variableName: ["STORE", "STORE_HASH", "PATH"]
    case .command: CommandTable.all.map(\.name)
    case .file: ["setup.bcsh", "store-1", "sub/inner.json", "~/Downloads/api-", "\"My Files/", ".hid"]
    case .newTokenName: ["new-token"]
    case .apiPath: ["https://store-abc123.mybigcommerce.com/manage"]
    case .number: ["10"]
    case .text: ["hello world"]
    }
  }
}
