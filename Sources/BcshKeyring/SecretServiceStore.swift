import BcshCore
@preconcurrency import CLibSecret
@preconcurrency import Glibc

/// The OS keyring on Linux: libsecret's client of the Secret Service D-Bus API (GNOME Keyring,
/// KeePassXC). The one owner of libsecret calls; each call is a blocking D-Bus round trip.
public struct SecretServiceStore: SecretStoring {
  public init() {}

  public func store(_ secret: String, label: String, attributes: [String: String]) throws(BcshError) {
    try call("store a secret in") { table, error in
      bcsh_secret_store(table, label, secret, error) != 0
    }(attributes)
  }

  public func lookup(_ attributes: [String: String]) throws(BcshError) -> String? {
    var found: String?
    try call("read a secret from") { table, error in
      guard let password = bcsh_secret_lookup(table, error) else { return error.pointee == nil }
      found = String(cString: password)
      secret_password_free(password)
      return true
    }(attributes)
    return found
  }

  public func search(_ attributes: [String: String]) throws(BcshError) -> [[String: String]] {
    var items: [[String: String]] = []
    try call("search") { table, error in
      let list = bcsh_secret_search(table, error)
      guard error.pointee == nil else { return false }
      defer { bcsh_secret_items_free(list) }
      for index in 0..<bcsh_secret_items_count(list) {
        var item: [String: String] = [:]
        for name in KeyringSecrets.attributeNames {
          if let value = bcsh_secret_item_attribute(list, Int32(index), name) {
            item[name] = String(cString: value)
            g_free(value)
          }
        }
        items.append(item)
      }
      return true
    }(attributes)
    return items
  }

  public func remove(_ attributes: [String: String]) throws(BcshError) {
    try call("remove a secret from") { table, error in
      _ = bcsh_secret_clear(table, error)
      return error.pointee == nil
    }(attributes)
  }

  /// Runs one libsecret call on a GHashTable of `attributes`; `body` returns false with `error`
  /// set when the call failed.
  private func call(
    _ what: String,
    _ body: @escaping (OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<GError>?>) -> Bool
  ) -> ([String: String]) throws(BcshError) -> Void {
    { (attributes: [String: String]) throws(BcshError) in
      let keys = attributes.keys.sorted()
      let cKeys = keys.map { strdup($0) }
      let cValues = keys.map { strdup(attributes[$0]!) }
      defer { (cKeys + cValues).forEach { free($0) } }
      let table = cKeys.map { UnsafePointer($0) }.withUnsafeBufferPointer { keyBuffer in
        cValues.map { UnsafePointer($0) }.withUnsafeBufferPointer { valueBuffer in
          bcsh_secret_attributes(keyBuffer.baseAddress, valueBuffer.baseAddress, Int32(keys.count))
        }
      }
      defer { g_hash_table_unref(table) }
      var error: UnsafeMutablePointer<GError>?
      if !body(table, &error) {
        let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
        if let error { g_error_free(error) }
        throw Self.failure(what, message)
      }
    }
  }

  /// What went wrong, what was tried, and how to do without the keyring.
  static func failure(_ what: String, _ message: String) -> BcshError {
    let bus = getenv("DBUS_SESSION_BUS_ADDRESS").map { String(cString: $0) }
    let tried =
      "the Secret Service (org.freedesktop.secrets) on the D-Bus session bus"
      + (bus.map { " at \($0)" } ?? " (DBUS_SESSION_BUS_ADDRESS is not set)")
    return BcshError(
      "cannot \(what) the OS keyring: \(message) (tried \(tried))",
      hint: "start and unlock a keyring daemon (GNOME Keyring, KeePassXC), or save without --keyring to keep "
        + "the secrets in the 0600 file")
  }
}
