/// One line of data/bigcommerce-endpoints.tsv, exactly as the table writes it.
struct EndpointRow: Sendable, Equatable {
  var method: String
  /// The path template as the OpenAPI file writes it: `/v3/catalog/products/{product_id}`.
  var path: String
  /// `UI name=permission=token string` entries separated by `;`, or "" where the file names none.
  var scopes: String
  /// The OpenAPI file the operation comes from: `reference/catalog/products_catalog.v3.yml`.
  var specFile: String

  init(_ method: String, _ path: String, _ scopes: String, _ specFile: String) {
    self.method = method
    self.path = path
    self.scopes = scopes
    self.specFile = specFile
  }

  /// One `UI name=permission=token string` entry of `scopes`.
  struct ScopeEntry: Sendable, Equatable {
    var uiName: String
    var permission: String
    var tokenString: String
  }

  /// The entries of `scopes`; an entry with fewer than three parts keeps what it has.
  var scopeEntries: [ScopeEntry] {
    scopes.split(separator: ";").map { entry in
      let parts = entry.split(separator: "=", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
      return ScopeEntry(
        uiName: parts[0], permission: parts.count > 2 ? parts[1] : "", tokenString: parts.last ?? "")
    }
  }
}

/// The rows of the endpoint table (generated into EndpointTable+Data.swift).
enum EndpointTable {}
