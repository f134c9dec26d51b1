import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// What users see, pinned in Golden/.
@Suite struct GoldenTests {
  private func output(of script: String) async -> (String, String) {
    let t = TestShell()
    await t.run(script)
    return (t.output.output, t.output.error)
  }

  @Test func helpOverview() async {
    Golden.check(await output(of: "help").0, "help.txt")
  }

  @Test func helpForEveryCommand() async {
    var text = ""
    for spec in CommandTable.all {
      text += "$ help \(spec.name)\n" + (await output(of: "help \(spec.name)").0) + "\n"
    }
    text += "$ help token\n" + (await output(of: "help token").0)
    Golden.check(text, "help-commands.txt")
  }

  @Test func scopeCatalog() async {
    Golden.check(await output(of: "scope list --all").0, "scope-list-all.txt")
  }

  @Test func presets() async {
    Golden.check(await output(of: "scope preset").0, "scope-preset.txt")
  }

  @Test func scopeInsight() async {
    var text = ""
    for line in [
      "scope info products", "scope info default", "scope info account-users", "scope info store-logs",
      "scope need GET /v3/catalog/products/77/images POST /v2/orders GET /v3/hooks",
      "scope need POST /v3/channels GET /v3/sites GET /v3/store/systemlogs POST /v3/carts",
      "scope need PUT /v3/customers",
    ] {
      text += "$ \(line)\n" + (await output(of: line).0)
    }
    Golden.check(text, "scope-insight.txt")
  }

  @Test func scopeInsightJSON() async {
    var text = ""
    for line in [
      "scope info store_v2_orders_read_only",
      "scope need GET /v3/catalog/products/77/images POST /v2/orders GET /v3/hooks PUT /v3/customers",
    ] {
      let t = TestShell(json: true)
      await t.run(line)
      text += "$ \(line)\n" + t.output.output
    }
    Golden.check(text, "scope-insight-json.txt")
  }

  @Test func checklists() async {
    let store = await output(
      of: "token new migration-2026; scope preset migration-to; path set abc123; token checklist")
    let account = await output(
      of: "token new acct-admin --account; scope add account-users=read-only; token checklist")
    Golden.check(store.0 + "\n" + account.0, "token-checklist.txt")
  }

  @Test func errorMessages() async {
    let lines = [
      "frobnicate", "tokn new abcd", "token", "token nwe abcd", "token new abc", "scope add prodcts",
      "token new abcd; scope add prodcts", "token new abcd; scope add products=manage",
      "token new abcd; scope add account_read", "token new abcd --acount",
      "token new abcd; path set https://example.com",
      "token new abcd; path set {store_hash}", "echo $NOPE", "echo ${NOPE:?set NOPE first}", "echo 'open",
      "token show nope", "open missing.json", "save", "scope preset migraton-to", "verify", "exit 9",
      "token new abcd; scope rm products", "help frob", "token new abcd; token set acess-token x",
      "scope info prodcts", "scope need GET /v3/catalog/prodcts", "scope need PATCH /v3/hooks",
      "scope need GET", "scope need", "scope need POST /stores/abc123/graphql",
      "token new abcd; scope need POST /v3/channels --add",
      "token new abcd; verify --for stencil-dve",
    ]
    var text = ""
    for line in lines {
      let (_, error) = await output(of: line)
      text += "$ \(line)\n\(error)"
    }
    Golden.check(text, "errors.txt")
  }
}
