extension APIPath {
  /// Reads every form README ("Against a real store") lists: a full API path (with `v2`, `v3`, `graphql` or nothing after the
  /// hash), a bare hash, `store-HASH`, `{HASH}`, a control-panel or storefront URL
  /// (`https://store-HASH[-CHANNEL].mybigcommerce.com/...`), an account UUID or account API path.
  public static func parse(_ input: String) throws(BcshError) -> APIPath {
    if isPlainStoreHash(input) { return .store(hash: input) }
    let text = input.trimmingBlanks()
    guard !text.isEmpty else { throw BcshError("empty API path", code: .invalidValue) }

    var rest = Substring(text)
    var hadScheme = false
    for scheme in ["https://", "http://"] where rest.lowercased().hasPrefix(scheme) {
      rest = rest.dropFirst(scheme.count)
      hadScheme = true
    }
    let slash = rest.firstIndex(of: "/") ?? rest.endIndex
    let host = rest[..<slash].lowercased()
    let path = rest[slash...]

    if host == APIPath.host {
      return try fromAPIPath(path, original: text)
    }
    if host.hasSuffix(".mybigcommerce.com") {
      return try fromStorefrontHost(String(host.dropLast(".mybigcommerce.com".count)), original: text)
    }
    if hadScheme || host.contains(".") {
      throw BcshError(
        "\(ShownWord.quoted(text)) is not a BigCommerce API path or store URL", code: .invalidValue,
        hint: "paste the API PATH from the credentials file, the store hash, or the control-panel URL "
          + "(https://store-HASH.mybigcommerce.com/manage)")
    }
    // No host: a path (`stores/abc123/v3`), a prefixed or braced hash, a UUID, or a bare hash.
    if text.contains("/") { return try fromAPIPath(Substring(text), original: text) }
    return try fromIdentifier(text)
  }

  /// `/stores/HASH/...` or `/accounts/UUID/...`.
  private static func fromAPIPath(_ path: Substring, original: String) throws(BcshError) -> APIPath {
    let parts = path.split(separator: "/").map(String.init)
    guard parts.count >= 2 else {
      throw BcshError(
        "\(ShownWord.quoted(original)) has no store hash or account UUID", code: .invalidValue,
        hint: "an API path looks like https://api.bigcommerce.com/stores/HASH/v3/")
    }
    let tail = parts.dropFirst(2).first
    // An endpoint may follow (`/v3/catalog/products`), but not a second store or account:
    // `/stores/abc123/v3/stores/zzz999/v3/` names two, and bcsh cannot tell which one is meant.
    if parts.dropFirst(2).contains(where: { ["stores", "accounts"].contains($0.lowercased()) }) {
      throw BcshError(
        "\(ShownWord.quoted(original)) names more than one store or account", code: .invalidValue,
        hint: "an API path looks like https://api.bigcommerce.com/stores/HASH/v3/")
    }
    switch parts[0].lowercased() {
    case "stores":
      if let tail, !["v2", "v3", "graphql"].contains(tail.lowercased()) {
        throw BcshError(
          "unexpected \(ShownWord.quoted(tail)) after the store hash in \(ShownWord.quoted(original))",
          code: .invalidValue,
          hint: "an API path looks like https://api.bigcommerce.com/stores/HASH/v3/")
      }
      return .store(hash: try storeHash(parts[1], original: original))
    case "accounts":
      return .account(uuid: try accountUUID(unbraced(parts[1]), original: original))
    default:
      throw BcshError(
        "\(ShownWord.quoted(original)) is not a store or account API path", code: .invalidValue,
        hint: "store paths start with /stores/HASH, account paths with /accounts/UUID")
    }
  }

  /// `store-HASH` or `store-HASH-CHANNEL` from a `*.mybigcommerce.com` host.
  private static func fromStorefrontHost(_ label: String, original: String) throws(BcshError) -> APIPath {
    guard label.hasPrefix("store-"), !label.contains(".") else {
      throw BcshError(
        "\(ShownWord.quoted(original)) does not carry a store hash", code: .invalidValue,
        hint: "the control-panel URL looks like https://store-HASH.mybigcommerce.com/manage; "
          + "a custom domain does not show the hash (see Settings > Store profile)")
    }
    let parts = label.dropFirst("store-".count).split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count <= 2, parts.count == 1 || parts[1].allSatisfy(\.isNumber) else {
      throw BcshError(
        "\(ShownWord.quoted(original)) does not carry a store hash in a form bcsh knows", code: .invalidValue)
    }
    return .store(hash: try storeHash(String(parts[0]), original: original))
  }

  private static func fromIdentifier(_ text: String) throws(BcshError) -> APIPath {
    var value = unbraced(text)
    if isUUID(value) { return .account(uuid: value.lowercased()) }
    if value.lowercased().hasPrefix("store-") {
      value = String(value.dropFirst("store-".count))
      if let dash = value.firstIndex(of: "-"), value[value.index(after: dash)...].allSatisfy(\.isNumber) {
        value = String(value[..<dash])
      }
    }
    return .store(hash: try storeHash(value, original: text))
  }

  private static func unbraced(_ text: String) -> String {
    var value = Substring(text)
    if value.hasPrefix("{") && value.hasSuffix("}") && value.count >= 2 {
      value = value.dropFirst().dropLast()
    }
    return String(value)
  }

  /// The longest store hash bcsh takes.
  static let maximumStoreHashLength = 15

  private static func storeHash(_ raw: String, original: String) throws(BcshError) -> String {
    let hash = unbraced(raw)
    let placeholders = ["store_hash", "storehash", "hash", "your_store_hash", "store-hash"]
    if placeholders.contains(hash.lowercased()) || raw.hasPrefix("{") && !raw.hasSuffix("}") {
      throw BcshError(
        "\(ShownWord.quoted(original)) still holds a placeholder instead of the store hash",
        code: .invalidValue,
        hint: "replace {store_hash} with your store's hash, e.g. abc123")
    }
    if isUUID(hash) {
      throw BcshError(
        "\(ShownWord.quoted(hash)) is an account UUID, not a store hash", code: .invalidValue,
        hint: "account API paths look like https://api.bigcommerce.com/accounts/UUID/graphql")
    }
    guard !hash.isEmpty, hash.unicodeScalars.allSatisfy(isHashCharacter) else {
      let lowered = hash.lowercased()
      let hint =
        lowered != hash && lowered.unicodeScalars.allSatisfy(isHashCharacter)
        ? "store hashes are lower case: \(ShownWord.quoted(lowered))"
        : "a store hash is letters a-z and digits, e.g. abc123"
      throw BcshError("\(ShownWord.quoted(hash)) is not a valid store hash", code: .invalidValue, hint: hint)
    }
    // Store hashes seen are 6 to 10 characters (docs/bigcommerce.md "Paths, identifiers and the
    // downloaded file"); anything longer than 15 is refused, which also refuses every credential
    // (16 or more characters: `CredentialValue.minimumLength`) pasted here by mistake.
    guard (3...maximumStoreHashLength).contains(hash.count) else {
      throw BcshError(
        "\(ShownWord.quoted(hash)) is too \(hash.count < 3 ? "short" : "long") to be a store hash",
        code: .invalidValue,
        hint: hash.count > maximumStoreHashLength && ShownWord.looksLikeSecret(hash)
          ? "this looks like an access token or client ID; 'token set access-token' takes those"
          : "store hashes are about 6 to 10 characters (bcsh takes 3 to \(maximumStoreHashLength)), e.g. abc123"
      )
    }
    return hash
  }

  private static func accountUUID(_ raw: String, original: String) throws(BcshError) -> String {
    guard isUUID(raw) else {
      throw BcshError(
        "\(ShownWord.quoted(raw)) in \(ShownWord.quoted(original)) is not an account UUID",
        code: .invalidValue,
        hint: "an account UUID looks like 3c3c6d21-4f0e-4d62-9b36-5ef0a3f1a1b2")
    }
    return raw.lowercased()
  }

  /// A bare store hash as `storeHash` takes it (3 to 15 of a-z and 0-9, no placeholder), read
  /// without the general parse (lower-casing, splitting): `path set HASH`, the usual form, in a
  /// replayed script.
  private static func isPlainStoreHash(_ text: String) -> Bool {
    (3...maximumStoreHashLength).contains(text.utf8.count)
      && text.utf8.allSatisfy { isHashCharacter(Unicode.Scalar($0)) }
      && text != "hash" && text != "storehash"
  }

  private static func isHashCharacter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
  }

  /// 8-4-4-4-12 hexadecimal digits.
  static func isUUID(_ text: String) -> Bool {
    let groups = text.split(separator: "-", omittingEmptySubsequences: false)
    guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
    return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs, carriage returns and newlines.
  package func trimmingBlanks() -> String {
    let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
    guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) })
    else { return "" }
    return String(self[first...last])
  }
}
