/// The read probes of docs/bigcommerce.md ("Verifying without writing"), written out from the reference and not
/// from the sandbox's route table, so the two are checked against each other.
struct ReferenceProbe: Sendable, CustomStringConvertible {
  /// The control-panel name.
  var scope: String
  /// Token strings that grant the probe (modify and read-only, or the single read-only string).
  var grantedBy: [String]
  var path: String
  /// What a granted probe answers; a missing scope answers 403.
  var grantedStatuses: Set<Int>

  var description: String { scope }

  static let cartID = "0b6a3c1e-4f5d-4e7a-8b9c-2d3e4f5a6b7c"

  static let all: [ReferenceProbe] = [
    .init(
      scope: "Content", grantedBy: ["store_v2_content", "store_v2_content_read_only"],
      path: "/v3/content/pages?limit=1", grantedStatuses: [200]),
    .init(
      scope: "Checkout Content",
      grantedBy: [
        "store_content_checkout", "store_content_checkout_read_only", "store_v2_content",
        "store_v2_content_read_only",
      ],
      path: "/v3/content/scripts?limit=1", grantedStatuses: [200]),
    .init(
      scope: "Customers", grantedBy: ["store_v2_customers", "store_v2_customers_read_only"],
      path: "/v3/customers?limit=1", grantedStatuses: [200]),
    .init(
      scope: "Information & Settings",
      grantedBy: ["store_v2_information", "store_v2_information_read_only"], path: "/v2/store",
      grantedStatuses: [200]),
    .init(
      scope: "Marketing", grantedBy: ["store_v2_marketing", "store_v2_marketing_read_only"],
      path: "/v2/coupons?limit=1", grantedStatuses: [200, 204]),
    .init(
      scope: "Orders", grantedBy: ["store_v2_orders", "store_v2_orders_read_only"],
      path: "/v2/order_statuses", grantedStatuses: [200]),
    .init(
      scope: "Order Transactions", grantedBy: ["store_v2_transactions", "store_v2_transactions_read_only"],
      path: "/v3/orders/1/transactions", grantedStatuses: [404]),
    .init(
      scope: "Get Payment Methods", grantedBy: ["store_payments_methods_read"],
      path: "/v3/payments/methods?order_id=0", grantedStatuses: [400, 404, 422]),
    .init(
      scope: "Stored Payment Instruments",
      grantedBy: ["store_stored_payment_instruments", "store_stored_payment_instruments_read_only"],
      path: "/v3/customers/0/stored-instruments", grantedStatuses: [404]),
    .init(
      scope: "Products", grantedBy: ["store_v2_products", "store_v2_products_read_only"],
      path: "/v3/catalog/products?limit=1", grantedStatuses: [200]),
    .init(
      scope: "Themes", grantedBy: ["store_themes_manage", "store_themes_read_only"], path: "/v3/themes",
      grantedStatuses: [200]),
    .init(
      scope: "Carts", grantedBy: ["store_cart", "store_cart_read_only"], path: "/v3/carts/\(cartID)",
      grantedStatuses: [404]),
    .init(
      scope: "Checkouts", grantedBy: ["store_checkout", "store_checkout_read_only"],
      path: "/v3/checkouts/\(cartID)", grantedStatuses: [404]),
    .init(
      scope: "Sites & Routes", grantedBy: ["store_sites", "store_sites_read_only"],
      path: "/v3/sites?limit=1", grantedStatuses: [200]),
    .init(
      scope: "Channel Settings", grantedBy: ["store_channel_settings", "store_channel_settings_read_only"],
      path: "/v3/channels?limit=1", grantedStatuses: [200]),
    .init(
      scope: "Channel Listings", grantedBy: ["store_channel_listings", "store_channel_listings_read_only"],
      path: "/v3/channels/1/listings?limit=1", grantedStatuses: [200]),
    .init(
      scope: "Store Logs", grantedBy: ["store_logs_read_only"], path: "/v3/store/systemlogs?limit=1",
      grantedStatuses: [200]),
    .init(
      scope: "Store Locations", grantedBy: ["store_locations", "store_locations_read_only"],
      path: "/v3/inventory/locations?limit=1", grantedStatuses: [200]),
    .init(
      scope: "Store Inventory", grantedBy: ["store_inventory", "store_inventory_read_only"],
      path: "/v3/inventory/items?limit=1", grantedStatuses: [200]),
    .init(
      scope: "Fulfillment Methods",
      grantedBy: ["store_fulfillment_methods_manage", "store_fulfillment_methods_read_only"],
      path: "/v3/pickup/methods?limit=1", grantedStatuses: [200]),
    .init(
      scope: "Order Fulfillment",
      grantedBy: ["store_order_fulfillment_manage", "store_order_fulfillment_read_only"],
      path: "/v3/orders/pickups", grantedStatuses: [200]),
  ]

  /// Every token string that grants some probe, one per line of the table.
  static var allGrantingStrings: [String] { Array(Set(all.flatMap(\.grantedBy))).sorted() }
}
