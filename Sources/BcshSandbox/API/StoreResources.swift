import BcshSandboxData
import FoundationEssentials
import JSONText

/// The small, fixed data the sandbox's store endpoints answer with.
enum StoreResources {
  /// `GET /v2/time`: the server's clock in Unix seconds.
  static func time() -> SandboxResponse {
    .json(200, .object([("time", .number(Int(Date().timeIntervalSince1970)))]))
  }

  /// `GET /v2/store`: the store's profile, in the real field names.
  static func store(_ store: SandboxStore) -> SandboxResponse {
    .json(
      200,
      .object([
        ("id", .string(store.hash)),
        ("account_uuid", store.accountUUID.map(JSONValue.string) ?? .null),
        ("domain", .string(store.domain)),
        ("secure_url", .string(store.secureURL)),
        ("control_panel_base_url", .string("https://store-\(store.hash).mybigcommerce.com")),
        ("status", .string(store.status)),
        ("name", .string(store.name)),
        ("first_name", "Sandbox"),
        ("last_name", "Owner"),
        ("address", "1 Loopback Way, Localhost"),
        ("country", "United States"),
        ("country_code", "US"),
        ("phone", ""),
        ("admin_email", .string("owner@\(store.domain)")),
        ("order_email", .string("orders@\(store.domain)")),
        ("timezone", .object([("name", "Etc/UTC"), ("raw_offset", 0), ("dst_offset", 0)])),
        ("language", "en"),
        ("currency", "USD"),
        ("currency_symbol", "$"),
        ("plan_name", .string(store.planName)),
        ("plan_level", .string(store.planName)),
        ("plan_is_trial", false),
        ("industry", ""),
        ("is_price_entered_with_tax", false),
        ("features", .object([("stencil_enabled", true), ("multi_storefront_enabled", true)])),
      ]))
  }

  /// A v3 list: `{"data": [...], "meta": {"pagination": ...}}`, honouring `limit` and `page`.
  static func list(_ items: [JSONValue], _ query: [String: String]) -> SandboxResponse {
    let limit = min(250, max(1, query["limit"].flatMap { Int($0) } ?? 50))
    let page = max(1, query["page"].flatMap { Int($0) } ?? 1)
    let totalPages = max(1, (items.count + limit - 1) / limit)
    let start = min(items.count, (min(page, totalPages + 1) - 1) * limit)
    let slice = Array(items[start..<min(items.count, start + limit)])
    let pagination: JSONValue = .object([
      ("total", .number(items.count)), ("count", .number(slice.count)), ("per_page", .number(limit)),
      ("current_page", .number(page)), ("total_pages", .number(totalPages)),
      ("links", .object([("current", .string("?page=\(page)&limit=\(limit)"))])),
    ])
    return .json(200, .object([("data", .array(slice)), ("meta", .object([("pagination", pagination)]))]))
  }

  /// `GET /v2/coupons`: 204 with no body when the store has none, as real v2 lists do.
  static func coupons(_ store: SandboxStore, _ query: [String: String]) -> SandboxResponse {
    guard !store.couponCodes.isEmpty else { return .noContent }
    let limit = min(250, max(1, query["limit"].flatMap { Int($0) } ?? 50))
    let coupons = store.couponCodes.prefix(limit).enumerated().map { index, code -> JSONValue in
      .object([
        ("id", .number(index + 1)), ("name", .string(code)), ("type", "percentage_discount"),
        ("amount", "10.0000"), ("code", .string(code)), ("enabled", true),
      ])
    }
    return .json(200, .array(coupons))
  }

  /// `GET /v3/payments/methods`: there are no orders, so any `order_id` is invalid data (422);
  /// without one the request is malformed (400).
  static func paymentMethods(_ query: [String: String]) -> SandboxResponse {
    guard query["order_id"] != nil else { return ErrorBody.problem(400, "order_id is required") }
    return ErrorBody.problem(422, "Order does not exist or has no payment to take")
  }

  static let orderStatuses: [JSONValue] = [
    "Incomplete", "Pending", "Shipped", "Partially Shipped", "Refunded", "Cancelled", "Declined",
    "Awaiting Payment", "Awaiting Pickup", "Awaiting Shipment", "Completed", "Awaiting Fulfillment",
    "Manual Verification Required", "Disputed", "Partially Refunded",
  ].enumerated().map { index, name in
    .object([("id", .number(index)), ("name", .string(name)), ("order", .number(index))])
  }

  static let pages: [JSONValue] = [
    .object([
      ("id", 1), ("channel_id", 1), ("name", "Shipping & Returns"), ("type", "page"),
      ("is_visible", true), ("url", "/shipping-returns/"),
    ]),
    .object([
      ("id", 2), ("channel_id", 1), ("name", "Contact Us"), ("type", "contact_form"),
      ("is_visible", true), ("url", "/contact-us/"),
    ]),
  ]

  static let customers: [JSONValue] = [
    .object([
      ("id", 1), ("email", "ada@customer.example"), ("first_name", "Ada"), ("last_name", "Lovelace"),
      ("customer_group_id", 0), ("channel_ids", [1]),
    ])
  ]

  static let products: [JSONValue] = [
    .object([
      ("id", 111), ("name", "Sandbox Mug"), ("type", "physical"), ("sku", "SBX-MUG"),
      ("price", .string("12.00")), ("is_visible", true), ("inventory_level", 25),
    ]),
    .object([
      ("id", 112), ("name", "Sandbox T-Shirt"), ("type", "physical"), ("sku", "SBX-TEE"),
      ("price", .string("20.00")), ("is_visible", true), ("inventory_level", 40),
    ]),
  ]

  static let themes: [JSONValue] = [
    .object([
      ("uuid", "8b7a1c3e-2d4f-4a6b-9c8d-0e1f2a3b4c5d"), ("name", "Cornerstone"), ("is_private", false),
      ("is_active", true),
    ])
  ]

  static func sites(_ store: SandboxStore) -> [JSONValue] {
    [
      .object([
        ("id", 1000), ("channel_id", 1), ("url", .string(store.secureURL)),
        ("is_checkout_url_customized", false),
      ])
    ]
  }

  static func channels(_ store: SandboxStore) -> [JSONValue] {
    [
      .object([
        ("id", 1), ("name", .string(store.name)), ("type", "storefront"), ("platform", "bigcommerce"),
        ("status", "active"), ("is_listable_from_ui", true), ("is_visible", true),
      ])
    ]
  }

  static let systemLogs: [JSONValue] = [
    .object([
      ("id", 1), ("type", "general"), ("module", "sandbox"), ("severity", 1),
      ("summary", "Sandbox store created"), ("message", "This store lives on loopback only."),
    ])
  ]

  static let locations: [JSONValue] = [
    .object([
      ("id", 1), ("code", "BC-LOCATION-1"), ("label", "Default location"), ("enabled", true),
      ("type_id", "PHYSICAL"), ("storefront_visibility", true),
    ])
  ]
}
