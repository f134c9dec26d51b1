import Testing

@testable import BcshFormats
@testable import BcshModel
@testable import BcshPorts
@testable import BcshShell
@testable import BcshVerify

@Suite struct APIPathTests {
  static let storeInputs: [(String, String)] = [
    ("https://api.bigcommerce.com/stores/abc123/v3/", "abc123"),
    ("https://api.bigcommerce.com/stores/abc123/v3", "abc123"),
    ("https://api.bigcommerce.com/stores/abc123/v2/", "abc123"),
    ("https://api.bigcommerce.com/stores/abc123/v2", "abc123"),
    ("https://api.bigcommerce.com/stores/abc123/graphql", "abc123"),
    ("https://api.bigcommerce.com/stores/abc123", "abc123"),
    ("https://api.bigcommerce.com/stores/abc123/", "abc123"),
    ("http://api.bigcommerce.com/stores/abc123/v3/", "abc123"),
    ("HTTPS://API.BIGCOMMERCE.COM/stores/abc123/v3/", "abc123"),
    ("api.bigcommerce.com/stores/abc123/v3/", "abc123"),
    ("https://api.bigcommerce.com/stores/{abc123}/v3/", "abc123"),
    ("/stores/abc123/v3/", "abc123"),
    ("stores/abc123", "abc123"),
    ("abc123", "abc123"),
    ("  abc123\t", "abc123"),
    ("store-abc123", "abc123"),
    ("store-abc123-1", "abc123"),
    ("{abc123}", "abc123"),
    ("https://store-abc123.mybigcommerce.com/manage", "abc123"),
    ("https://store-abc123.mybigcommerce.com/manage/products?page=2", "abc123"),
    ("https://store-abc123.mybigcommerce.com", "abc123"),
    ("https://store-abc123.mybigcommerce.com/", "abc123"),
    ("https://store-abc123-1.mybigcommerce.com", "abc123"),
    ("https://store-ABC123-2.mybigcommerce.com/cart.php", "abc123"),
    ("store-abc123.mybigcommerce.com/manage", "abc123"),
    ("https://api.bigcommerce.com/stores/abc123/v3/catalog/products?limit=1", "abc123"),
    ("https://api.bigcommerce.com/stores/x4ab9c0d1e/v3/", "x4ab9c0d1e"),
  ]

  @Test(arguments: storeInputs)
  func storeForms(_ input: String, _ hash: String) throws {
    let path = try APIPath.parse(input)
    #expect(path == .store(hash: hash))
    #expect(path.canonical == "https://api.bigcommerce.com/stores/\(hash)/v3/")
  }

  static let uuid = "3c3c6d21-4f0e-4d62-9b36-5ef0a3f1a1b2"

  @Test(arguments: [
    uuid, "{\(uuid)}", uuid.uppercased(), "https://api.bigcommerce.com/accounts/\(uuid)/graphql",
    "https://api.bigcommerce.com/accounts/\(uuid)", "accounts/\(uuid)/graphql",
  ])
  func accountForms(_ input: String) throws {
    let path = try APIPath.parse(input)
    #expect(path == .account(uuid: Self.uuid))
    #expect(path.canonical == "https://api.bigcommerce.com/accounts/\(Self.uuid)/graphql")
    #expect(path.kind == .account)
  }

  @Test(arguments: [
    ("", "empty API path"),
    (
      "https://example.com/stores/abc123",
      "'https://example.com/stores/abc123' is not a BigCommerce API path or store URL"
    ),
    ("https://api.bigcommerce.com/stores/{store_hash}/v3/", "still holds a placeholder"),
    ("{store_hash}", "still holds a placeholder"),
    ("https://api.bigcommerce.com/stores/", "has no store hash or account UUID"),
    ("https://api.bigcommerce.com/stores/abc123/catalog", "unexpected 'catalog' after the store hash"),
    ("https://api.bigcommerce.com/accounts/abc123/graphql", "is not an account UUID"),
    ("https://api.bigcommerce.com/orders/abc123", "is not a store or account API path"),
    ("https://www.mybigcommerce.com/", "does not carry a store hash"),
    ("https://shop.example.com", "is not a BigCommerce API path or store URL"),
    ("ABC123", "'ABC123' is not a valid store hash"),
    ("abc_123", "'abc_123' is not a valid store hash"),
    ("ab", "too short"),
    (String(repeating: "a", count: 40), "too long"),
    ("abc 123", "not a valid store hash"),
    ("hash", "still holds a placeholder"),
    (
      "https://api.bigcommerce.com/stores/abc123/v3/stores/zzz999/v3/", "names more than one store or account"
    ),
    (
      "stores/abc123/v3/accounts/3c3c6d21-4f0e-4d62-9b36-5ef0a3f1a1b2", "names more than one store or account"
    ),
  ])
  func rejections(_ input: String, _ message: String) {
    #expect {
      try APIPath.parse(input)
    } throws: { error in
      // Each case's reason, as the message gives it.
      (error as? BcshError).map { $0.code == .invalidValue && $0.message.contains(message) } == true
    }
  }

  @Test func storeURLWithUppercaseHintsTheLowercaseHash() {
    do {
      _ = try APIPath.parse("ABC123")
      Issue.record("accepted an uppercase hash")
    } catch {
      #expect(error.hint == "store hashes are lower case: 'abc123'")
    }
  }
}
