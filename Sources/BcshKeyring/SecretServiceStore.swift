import BcshModel
import BcshPorts
import CLibSecret
@preconcurrency import Glibc

/// The OS keyring on Linux: libsecret's client of the Secret Service D-Bus API (GNOME Keyring,
/// KeePassXC). Each call is a blocking D-Bus round trip; libsecret is loaded on the first one.
public struct SecretServiceStore: SecretStoring {
  public init() {}

  public func store(_ secret: String, label: String, attributes: [String: String]) throws(BcshError) {
    try call("store a secret in", attributes) { keys, values, count, message in
      bcsh_secret_store(keys, values, count, label, secret, message)
    }
  }

  public func lookup(_ attributes: [String: String]) throws(BcshError) -> String? {
    var password: UnsafeMutablePointer<CChar>?
    try call("read a secret from", attributes) { keys, values, count, message in
      bcsh_secret_lookup(keys, values, count, &password, message)
    }
    defer { bcsh_secret_free(password) }
    return password.map { String(cString: $0) }
  }

  public func search(_ attributes: [String: String]) throws(BcshError) -> [[String: String]] {
    var text: UnsafeMutablePointer<CChar>?
    try call("search", attributes) { keys, values, count, message in
      bcsh_secret_search(keys, values, count, &text, message)
    }
    defer { bcsh_secret_free(text) }
    // One item per block of "key=value" lines.
    return (text.map { String(cString: $0) } ?? "").split(separator: "\n\n", omittingEmptySubsequences: true)
      .map { block in
        var item: [String: String] = [:]
        for line in block.split(separator: "\n") {
          guard let equals = line.firstIndex(of: "=") else { continue }
          item[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return item
      }.filter { !$0.isEmpty }
  }

  public func remove(_ attributes: [String: String]) throws(BcshError) {
    try call("remove a secret from", attributes) { keys, values, count, message in
      bcsh_secret_clear(keys, values, count, message)
    }
  }

  /// Loads libsecret, passes `attributes` as two C string arrays to `body`, and turns a failure
  /// into an error that says what was tried.
  private func call(
    _ what: String, _ attributes: [String: String],
    _ body: (
      UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<UnsafePointer<CChar>?>?, Int32,
      UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    ) -> Int32
  ) throws(BcshError) {
    var openError: UnsafePointer<CChar>?
    guard Self.open(&openError) == 0 else {
      throw BcshError(
        "cannot \(what) the OS keyring: \(openError.map { String(cString: $0) } ?? "libsecret could not be loaded")",
        code: .keyring,
        hint: "install libsecret, or save without --keyring to keep the secrets in the 0600 file")
    }
    let names = attributes.keys.sorted()
    var message: UnsafeMutablePointer<CChar>?
    let status = Self.withCStrings(names) { keys in
      Self.withCStrings(names.map { attributes[$0]! }) { values in
        body(keys, values, Int32(names.count), &message)
      }
    }
    guard status == 0 else {
      defer { bcsh_secret_free(message) }
      throw Self.failure(what, message.map { String(cString: $0) } ?? "unknown error")
    }
  }

  /// Loads libsecret with the schema of bcsh's items: the attribute names `KeyringSchema`
  /// declares.
  private static func open(_ error: inout UnsafePointer<CChar>?) -> Int32 {
    let names = KeyringSchema.attributeNames
    return withCStrings(names) { bcsh_secret_open($0, Int32(names.count), &error) }
  }

  /// Runs `body` with `strings` as a C array of C strings, freed after.
  private static func withCStrings<Result>(
    _ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> Result
  ) -> Result {
    let copies = strings.map { UnsafePointer(strdup($0)) }
    defer { copies.forEach { free(UnsafeMutablePointer(mutating: $0)) } }
    return copies.withUnsafeBufferPointer { body($0.baseAddress) }
  }

  /// What went wrong, what was tried, and how to do without the keyring.
  static func failure(_ what: String, _ message: String) -> BcshError {
    let bus = getenv("DBUS_SESSION_BUS_ADDRESS").map { String(cString: $0) }
    let tried =
      "the Secret Service (org.freedesktop.secrets) on the D-Bus session bus"
      + (bus.map { " at \($0)" } ?? " (DBUS_SESSION_BUS_ADDRESS is not set)")
    return BcshError(
      "cannot \(what) the OS keyring: \(message) (tried \(tried))", code: .keyring,
      hint: "start and unlock a keyring daemon (GNOME Keyring, KeePassXC), or save without --keyring to keep "
        + "the secrets in the 0600 file")
  }
}
