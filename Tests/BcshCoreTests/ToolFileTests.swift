import Foundation
import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import JSONText

/// The tools' own files as types: read as the tools read them, merged keeping what bcsh does not
/// own, rendered back.
@Suite struct ToolFileTests {
  static let catalystEnv = """
    # The hash visible in the subject store's URL
    BIGCOMMERCE_STORE_HASH=old

    export AUTH_SECRET='s3cr#t' # a comment
    BIGCOMMERCE_CHANNEL_ID = 1   # inline comment
    QUOTED="a \\"b\\" c"
    MULTI="line one
    line two"
    BIGCOMMERCE_STORE_HASH=older
    not an assignment
    """

  @Test func aDotEnvFileIsReadAsPythonDotenvReadsIt() throws {
    let document = try DotEnvDocument.parse(Self.catalystEnv + "\n", source: ".env.local")
    #expect(document.value("AUTH_SECRET") == "s3cr#t")
    #expect(document.value("BIGCOMMERCE_CHANNEL_ID") == "1")
    #expect(document.value("QUOTED") == "a \"b\" c")
    #expect(document.value("MULTI") == "line one\nline two")
    // The last assignment wins, as in every reader; its line is its own.
    #expect(document.value("BIGCOMMERCE_STORE_HASH") == "older")
    #expect(document.entry("BIGCOMMERCE_STORE_HASH")?.line == 9)
    #expect(document.entry("BIGCOMMERCE_CHANNEL_ID")?.valueColumn == 26)
    #expect(document.rendered() == Self.catalystEnv + "\n", "a document nothing was set in renders as read")
  }

  @Test func settingReplacesTheFirstAssignmentInPlaceAndDropsLaterOnes() throws {
    var document = try DotEnvDocument.parse(Self.catalystEnv, source: ".env.local")
    document = try document.setting("BIGCOMMERCE_STORE_HASH", "abc123", what: "store hash")
    document = try document.setting("AUTH_SECRET", "abcdefghijklmnop", what: "x")
    document = try document.setting("BIGCOMMERCE_ACCESS_TOKEN", Sample.accessToken, what: "access token")
    let expected = """
      # The hash visible in the subject store's URL
      BIGCOMMERCE_STORE_HASH=abc123

      export AUTH_SECRET=abcdefghijklmnop
      BIGCOMMERCE_CHANNEL_ID = 1   # inline comment
      QUOTED="a \\"b\\" c"
      MULTI="line one
      line two"
      not an assignment
      BIGCOMMERCE_ACCESS_TOKEN=\(Sample.accessToken)

      """
    #expect(document.rendered() == expected)
    #expect(document.entry("BIGCOMMERCE_ACCESS_TOKEN")?.line == 10)
  }

  /// Found by the fuzzer: the empty file rendered as one line break.
  @Test(arguments: ["", "\n", "A=1", "A=1\n", "\n\n# c"])
  func everyFileRendersBackAsRead(text: String) throws {
    #expect(try DotEnvDocument.parse(text, source: ".env").rendered() == text)
  }

  @Test func crlfLinesAreLinesAndStayAsTheyWere() throws {
    let text = "# c\r\nA=1\r\nB='two' # x\r\n"
    let document = try DotEnvDocument.parse(text, source: ".env")
    #expect(document.value("A") == "1")
    #expect(document.value("B") == "two")
    #expect(document.entry("B")?.line == 3)
    #expect(document.rendered() == text)
    #expect(try document.setting("A", "2", what: "a").rendered() == "# c\r\nA=2\r\nB='two' # x\r\n")
  }

  @Test func aValueNoReaderTakesAsItselfIsRefused() {
    #expect(throws: BcshError.self) {
      try DotEnvDocument().setting("KEY", "two words", what: "value")
    }
  }

  /// Each line of an open quote is read once (the value so far was read again for every line: a
  /// 20,000-line value took 31 s). 200,000 lines parse, to the same value and text as before.
  @Test func aLongQuotedValueParsesLineByLine() throws {
    let text = "A=1\nX=\"" + String(repeating: "a\\n\\\n", count: 200_000) + "\" # end\nB='x\\'\ny'\n"
    let document = try DotEnvDocument.parse(text, source: ".env")
    #expect(document.value("X") == String(repeating: "a\n\\\n", count: 200_000))
    #expect(document.value("B") == "x'\ny")
    #expect(document.entry("B")?.line == 200_003)
    #expect(document.rendered() == text)
  }

  @Test func quotedValuesOverLinesKeepTheirEscapes() throws {
    let text = "S='a\\\\\nb\\'\nc' # x\r\nD=\"\\\r\n\\\"\nz\"\n"
    let document = try DotEnvDocument.parse(text, source: ".env")
    #expect(document.value("S") == "a\\\nb'\nc")
    #expect(document.value("D") == "\\\r\n\"\nz")
  }

  @Test func anUnclosedQuoteIsAnErrorAtTheValue() {
    #expect {
      try DotEnvDocument.parse("A=1\nB='never closed\nC=2\n", source: ".env")
    } throws: { error in
      (error as? BcshError)?.position == SourcePosition(source: ".env", line: 2, column: 3)
    }
  }

  @Test func stencilFilesMergeKeepingOtherKeysInOrder() throws {
    let config = try JSONSettingsDocument.parse(
      """
      {
        "normalStoreUrl": "https://old.example",
        "port": 3001,
        "customLayouts": {"brand": {"a": 1}, "category": {}, "page": {}, "product": {}},
        "accessToken": "leftoverleftoverleftover"
      }
      """, source: "config.stencil.json")
    #expect(config.lines["port"] == 3)
    let secrets = try JSONSettingsDocument.parse(
      #"{"githubToken": "ghp_x", "accessToken": "old"}"#, source: "secrets.stencil.json")
    let merged = StencilProject(config: config, secrets: secrets).setting(
      accessToken: Sample.accessToken, normalStoreURL: "https://store-abc123.mybigcommerce.com",
      apiHost: "https://api.bigcommerce.com")
    #expect(merged.config.members.map(\.0) == ["normalStoreUrl", "port", "customLayouts", "apiHost"])
    #expect(merged.config["port"] == .number(3001))
    #expect(merged.config["customLayouts"]?["brand"]?["a"] == .number(1))
    #expect(merged.secrets.members.map(\.0) == ["githubToken", "accessToken"])
    #expect(merged.accessToken == Sample.accessToken)
    #expect(merged.storeHashFromURL == "abc123")
    // A new theme gets what stencil init writes.
    let fresh = StencilProject().setting(
      accessToken: Sample.accessToken, normalStoreURL: "https://shop.example",
      apiHost: "https://api.bigcommerce.com")
    #expect(fresh.config.members.map(\.0) == ["customLayouts", "port", "normalStoreUrl", "apiHost"])
    #expect(fresh.storeHashFromURL == nil)
  }

  @Test func malformedJSONIsAnErrorAtItsPlace() {
    #expect {
      try JSONSettingsDocument.parse("{\n  \"a\": 1,\n  oops\n}", source: "config.stencil.json")
    } throws: { error in
      (error as? BcshError)?.position?.line == 3
    }
  }

  @Test func theCatalystFileIsReadAsCreateCatalystWritesIt() throws {
    let text = """
      # DO NOT commit this file to your repository!
      # If using version control, make sure to add .catalyst to your .gitignore file.

      [auth]
      storeHash = "abc123"
      accessToken = '\(Sample.accessToken)' # literal
      """
    let file = try CatalystConfigFile.parse(text, source: ".catalyst")
    #expect(file.storeHash == "abc123")
    #expect(file.accessToken == Sample.accessToken)
    #expect(file.lines == ["storeHash": 5, "accessToken": 6])
    #expect {
      try CatalystConfigFile.parse("[auth]\nstoreHash = \"abc\n", source: ".catalyst")
    } throws: { error in
      (error as? BcshError)?.position == SourcePosition(source: ".catalyst", line: 2, column: 13)
    }
  }

  @Test func catalystKeysComeFromTheAccountAndTheMintedToken() {
    var token = Token(name: "abcd", kind: .store)
    token.apiPath = .store(hash: "abc123")
    token.accessToken = Secret(Sample.accessToken)
    token.clientID = Sample.clientID
    token.clientSecret = Secret(Sample.clientSecret)
    var minted = Token(name: "shop", kind: .store)
    minted.apiPath = .store(hash: "abc123")
    minted.accessToken = Secret("eyJhbGciOiJFUzI1NiJ9.e30.signaturesignature")
    minted.storefront = StorefrontTokenRecord(
      kind: .storefront, channels: [7, 8], expiresAt: 1, mintedAt: 0, mintedFrom: "abcd")
    let production = ToolKeys.catalyst(
      token, storeHash: "abc123", storefront: minted, apiBase: APIBase.production)
    #expect(
      production.map(\.key) == [
        "BIGCOMMERCE_STORE_HASH", "BIGCOMMERCE_CHANNEL_ID", "BIGCOMMERCE_STOREFRONT_TOKEN",
        "BIGCOMMERCE_CLIENT_ID",
        "BIGCOMMERCE_CLIENT_SECRET", "BIGCOMMERCE_ACCESS_TOKEN",
      ])
    #expect(production[1].value == "7")
    let sandbox = ToolKeys.catalyst(
      token, storeHash: "abc123", storefront: nil, apiBase: "http://127.0.0.1:8080")
    #expect(sandbox.last?.key == "BIGCOMMERCE_API_HOST")
    #expect(sandbox.last?.value == "127.0.0.1:8080")
    #expect(Set(ToolKeys.catalyst).isSuperset(of: production.map(\.key) + sandbox.map(\.key)))
  }

  @Test(arguments: [
    (".env.local", "A=1\n", ToolCredentials.Kind.dotEnv), (".catalyst", "", .catalyst),
    ("secrets.stencil.json", "{}", .stencil), ("config.stencil.json", "{}", .stencil),
    ("creds.env", "", .dotEnv), ("download.txt", "ACCESS TOKEN: x\n", nil),
    ("project", "[auth]\n", .catalyst),
    ("x", "BIGCOMMERCE_ACCESS_TOKEN=abc\n", .dotEnv),
  ])
  func toolFilesAreToldApartByNameAndContent(name: String, text: String, kind: ToolCredentials.Kind?) {
    #expect(ToolCredentials.kind(ofFileNamed: name, text: text) == kind)
  }

  @Test func aBadCredentialInADotEnvFileIsAnErrorAtItsValue() {
    #expect {
      try ToolCredentials.dotEnv(
        "BIGCOMMERCE_STORE_HASH=abc123\nBIGCOMMERCE_ACCESS_TOKEN=\"two words here that are long\"\n",
        source: ".env")
    } throws: { error in
      (error as? BcshError)?.position == SourcePosition(source: ".env", line: 2, column: 26)
    }
  }
}
