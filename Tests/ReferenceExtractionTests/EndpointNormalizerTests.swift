import BcshModel
import Testing

@testable import ReferenceExtraction

/// The table's rows turned into endpoints on bcsh's scope catalog.
@Suite struct EndpointNormalizerTests {
  private func grants(_ pairs: [(String, AccessLevel)]) -> Endpoint.Requirement {
    .anyOf(pairs.map { ScopeGrant(scopeID: $0.0, level: $0.1) })
  }

  /// A row as the table writes it: `UI name=permission=token string` entries separated by `;`.
  private func normalized(_ method: String, _ path: String, _ scopes: String) -> Endpoint {
    EndpointNormalizer.endpoint(
      method: method, path: path, specFile: "f",
      entries: scopes.split(separator: ";").map { entry in
        let parts = entry.split(separator: "=").map(String.init)
        return (parts[0], parts[1], parts[2])
      })
  }

  @Test func theThreeMisspelledTokenStringsAreCorrected() {
    let checkout = normalized(
      "GET", "/v3/checkouts/{checkoutId}",
      "Checkouts=modify=store_checkouts;Checkouts=read-only=store_checkouts_read_only")
    #expect(checkout.requirement == grants([("checkouts", .readOnly)]))
    let content = normalized("PUT", "/v3/x", "Checkout Content=modify=store_checkout_content")
    #expect(content.requirement == grants([("checkout-content", .modify)]))
    let transactions = normalized(
      "GET", "/v3/x", "Order Transactions=read-only=store_v2_order_transactions_read_only")
    #expect(transactions.requirement == grants([("order-transactions", .readOnly)]))
    // Uncorrected, the strings are unknown to the catalog.
    #expect(EndpointNormalizer.grant(forTokenString: "store_checkouts") == nil)
  }
}
