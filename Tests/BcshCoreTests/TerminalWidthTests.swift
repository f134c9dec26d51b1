import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

/// Issue 21, item 11: output fits the terminal: prose wraps between words, tables wrap their last
/// column within it or, when even that cannot fit, show one record per row.
@Suite struct TerminalWidthTests {
  static let checklist =
    "token new cart-migration; scope preset migration-to; path set abc123; token checklist"

  /// Every line at most `width` columns.
  private func fits(_ text: String, _ width: Int) -> Bool {
    text.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= width }
  }

  @Test(arguments: [80, 120])
  func theChecklistWrapsBetweenWords(width: Int) async {
    let t = TestShell(width: width)
    #expect(await t.run(Self.checklist) == .success)
    let text = t.output.output
    #expect(fits(text, width), "\(text)")
    // No word is cut: every word of the unwrapped steps is still whole.
    let unwrapped = TestShell()
    await unwrapped.run(Self.checklist)
    let words = { (text: String) in text.split(whereSeparator: \.isWhitespace).map(String.init) }
    #expect(words(text) == words(unwrapped.output.output))
    #expect(
      text.contains("     \"Create store-level API") || text.contains("\"Create store-level API Accounts\""))
  }

  @Test(arguments: [80, 120])
  func scopeListAllFits(width: Int) async {
    let t = TestShell(width: width)
    #expect(await t.run("scope list --all") == .success)
    #expect(fits(t.output.output, width))
    #expect(t.output.output.contains("store_v2_products_read_only"))
  }

  @Test func aTableWrapsItsLastColumnWithinIt() {
    let table = Table(
      headers: ["NAME", "WHAT"], rows: [["abcd", "one two three four five six seven eight nine ten eleven"]])
    #expect(
      table.rendered(width: 30) == """
        NAME  WHAT
        abcd  one two three four five
              six seven eight nine ten
              eleven

        """)
  }

  @Test func aLongConfirmationWrapsBetweenWords() async {
    let t = TestShell(width: 60)
    t.write(
      "creds.txt",
      "ACCESS TOKEN: \(Sample.accessToken)\nCLIENT NAME: cart-migration\n"
        + "API PATH: https://api.bigcommerce.com/stores/abc123/v3/\n")
    #expect(
      await t.run("token new cart-migration; scope preset migration-to; token import creds.txt") == .success)
    #expect(fits(t.output.output, 60), "\(t.output.output)")
    #expect(t.output.output.contains("filled the credentials of 'cart-migration' for\n"))
  }

  /// Too narrow for even a wrapped last column: one record per row, headed by its named cell and
  /// any unnamed one before it.
  @Test func aTableTooWideBecomesRecords() {
    let table = Table(
      headers: ["", "NAME", "KIND", "LAST VERIFY"],
      rows: [["*", "a-rather-long-token-name", "store", "passed: the token works"]])
    #expect(
      table.rendered(width: 40) == """
        * a-rather-long-token-name
          kind:        store
          last verify: passed: the token works

        """)
  }

  /// The listings whose prose or last column used to run past the terminal.
  @Test func listingsFitEightyColumns() async {
    let t = TestShell(width: 80)
    for line in [
      "scope preset", "scope info products", "scope info default", "token new abcd; scope preset catalyst",
      "scope list", "token list", "status",
      "scope need GET /v3/catalog/products POST /v2/orders GET /v3/hooks",
    ] {
      #expect(await t.run(line) == .success, "\(line)")
    }
    #expect(fits(t.output.output, 80), "\(t.output.output)")
  }

  @Test func helpFitsEightyColumns() async {
    let t = TestShell(width: 80)
    #expect(await t.run("help; help token set") == .success)
    #expect(fits(t.output.output, 80), "\(t.output.output)")
  }
}
