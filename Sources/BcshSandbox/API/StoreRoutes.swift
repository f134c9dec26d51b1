/// The sandbox's own table of store endpoints: liveness, the store, webhooks and one read probe per
/// scope of docs/bigcommerce.md, "Scopes and token strings". Kept apart from bcsh's catalog on purpose: the sandbox checks
/// bcsh, so it must not share bcsh's idea of which scope opens which endpoint.
enum StoreRoutes {
  static let all: [StoreRoute] = [
    // The OpenAPI file of `/v2/time` names Information & Settings; the webhooks file says hooks need
    // no scope beyond the default every API account has (docs/bigcommerce.md).
    StoreRoute(.v2, "time", scopes: readable("store_v2_information")) { _ in StoreResources.time() },
    StoreRoute(.v3, "hooks", scopes: []) { context in StoreResources.list([], context.query) },
    StoreRoute(.v2, "store", scopes: readable("store_v2_information")) { context in
      StoreResources.store(context.store)
    },
    StoreRoute(.v3, "content/pages", scopes: readable("store_v2_content")) { context in
      StoreResources.list(StoreResources.pages, context.query)
    },
    StoreRoute(
      .v3, "content/scripts",
      scopes: readable("store_content_checkout") + readable("store_v2_content")
    ) { context in StoreResources.list([], context.query) },
    StoreRoute(.v3, "customers", scopes: readable("store_v2_customers")) { context in
      StoreResources.list(StoreResources.customers, context.query)
    },
    StoreRoute(.v2, "coupons", scopes: readable("store_v2_marketing")) { context in
      StoreResources.coupons(context.store, context.query)
    },
    StoreRoute(.v2, "order_statuses", scopes: readable("store_v2_orders")) { _ in
      .json(200, .array(StoreResources.orderStatuses))
    },
    StoreRoute(.v3, "orders/{id}/transactions", scopes: readable("store_v2_transactions")) { _ in
      ErrorBody.notFound("Order not found")
    },
    StoreRoute(
      .v3, "orders/pickups",
      scopes: readable("store_order_fulfillment_manage", readOnly: "store_order_fulfillment_read_only")
    ) { context in StoreResources.list([], context.query) },
    StoreRoute(.v3, "payments/methods", scopes: ["store_payments_methods_read"]) { context in
      StoreResources.paymentMethods(context.query)
    },
    StoreRoute(
      .v3, "customers/{id}/stored-instruments", scopes: readable("store_stored_payment_instruments")
    ) { _ in ErrorBody.notFound("Customer not found") },
    StoreRoute(.v3, "catalog/products", scopes: readable("store_v2_products")) { context in
      StoreResources.list(StoreResources.products, context.query)
    },
    StoreRoute(.v3, "themes", scopes: readable("store_themes_manage", readOnly: "store_themes_read_only")) {
      context in StoreResources.list(StoreResources.themes, context.query)
    },
    StoreRoute(.v3, "carts/{id}", scopes: readable("store_cart")) { _ in
      ErrorBody.notFound("Cart not found")
    },
    StoreRoute(.v3, "checkouts/{id}", scopes: readable("store_checkout")) { _ in
      ErrorBody.notFound("Checkout not found")
    },
    StoreRoute(.v3, "sites", scopes: readable("store_sites")) { context in
      StoreResources.list(StoreResources.sites(context.store), context.query)
    },
    StoreRoute(.v3, "channels", scopes: readable("store_channel_settings")) { context in
      StoreResources.list(StoreResources.channels(context.store), context.query)
    },
    // channels.v3.yml: listings of a channel with none (or of an unknown channel) are 200 with empty
    // data, not 404 (docs/bigcommerce.md, "Verifying without writing").
    StoreRoute(.v3, "channels/{id}/listings", scopes: readable("store_channel_listings")) { context in
      StoreResources.list([], context.query)
    },
    // infrastructure_hosting.v3.yml: any infrastructure scope reads the projects.
    StoreRoute(
      .v3, "infrastructure/projects",
      scopes: [
        "store_infrastructure_projects_read_only", "store_infrastructure_projects_manage",
        "store_infrastructure_deployments_read_only", "store_infrastructure_deployments_create_preview",
        "store_infrastructure_deployments_manage", "store_infrastructure_logs_read_only",
      ]
    ) { context in
      StoreResources.list([], context.query)
    },
    StoreRoute(.v3, "store/systemlogs", scopes: ["store_logs_read_only"]) { context in
      StoreResources.list(StoreResources.systemLogs, context.query)
    },
    StoreRoute(.v3, "inventory/locations", scopes: readable("store_locations")) { context in
      StoreResources.list(StoreResources.locations, context.query)
    },
    StoreRoute(.v3, "inventory/items", scopes: readable("store_inventory")) { context in
      StoreResources.list([], context.query)
    },
    StoreRoute(
      .v3, "pickup/methods",
      scopes: readable("store_fulfillment_methods_manage", readOnly: "store_fulfillment_methods_read_only")
    ) { context in StoreResources.list([], context.query) },
  ]

  /// The route for a path after `/stores/{hash}/`, with its parameter values.
  static func route(for version: StoreRoute.Version, _ path: [Substring]) -> (StoreRoute, [String])? {
    for route in all {
      if let parameters = route.match(version, path) { return (route, parameters) }
    }
    return nil
  }
}
