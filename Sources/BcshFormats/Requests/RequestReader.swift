import BcshModel
import JSONText

/// Reads the requests a job makes: `METHOD PATH` words, or a file of `METHOD PATH`, `METHOD URL`,
/// access-log lines or a HAR document.
package enum RequestReader {
  /// `METHOD PATH` pairs from a command's words, each with its place.
  package static func requests(fromWords words: [(value: String, position: SourcePosition)]) throws(BcshError)
    -> [APIRequest]
  {
    var requests: [APIRequest] = []
    var index = 0
    while index < words.count {
      let method = words[index]
      guard method.value.allSatisfy({ $0.isASCII && $0.isLetter }), !method.value.isEmpty else {
        throw BcshError(
          "\(ShownWord.quoted(method.value)) is not an HTTP method", code: .invalidValue,
          hint: "write METHOD PATH pairs: GET /v3/catalog/products", at: method.position)
      }
      guard index + 1 < words.count else {
        throw BcshError(
          "missing PATH after \(ShownWord.quoted(method.value))", code: .usage,
          hint: "write METHOD PATH pairs: GET /v3/catalog/products",
          at: method.position)
      }
      requests.append(
        APIRequest(
          method: HTTPMethod(rawValue: method.value), path: APIRequest.storePath(words[index + 1].value),
          position: method.position))
      index += 2
    }
    return requests
  }

  /// The requests of a file's text: a HAR document (JSON), or one request a line; blank lines and
  /// lines starting with `#` are skipped.
  /// `skipped` counts HAR entries that are not store API requests (pages, scripts, other hosts).
  package static func requests(fromFile text: String, source: String) throws(BcshError) -> (
    requests: [APIRequest], skipped: Int
  ) {
    if text.drop(while: { $0.isWhitespace }).first == "{" {
      return try harRequests(text, source: source)
    }
    var requests: [APIRequest] = []
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let position = SourcePosition(source: source, line: offset + 1, column: 1)
      let trimmed = String(line).trimmingBlanks()
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      requests.append(try request(inLine: line, at: position))
    }
    return (requests, 0)
  }

  /// `GET /v3/x`, `get https://api.bigcommerce.com/stores/h/v3/x?y=1`, or an access-log line such
  /// as `1.2.3.4 - - [...] "GET /stores/h/v3/x HTTP/1.1" 200 512`.
  static func request(inLine line: Substring, at position: SourcePosition) throws(BcshError) -> APIRequest {
    var words: [(text: Substring, column: Int)] = []
    var column = 1
    var start: Substring.Index?
    var startColumn = 1
    for index in line.indices {
      if line[index].isWhitespace {
        if let begun = start { words.append((line[begun..<index], startColumn)) }
        start = nil
      } else if start == nil {
        start = index
        startColumn = column
      }
      column += 1
    }
    if let begun = start { words.append((line[begun...], startColumn)) }
    let unquoted = words.map { word in
      (
        text: word.text.drop { $0 == "\"" || $0 == "'" },
        column: word.column + (word.text.first == "\"" ? 1 : 0)
      )
    }
    for (index, word) in unquoted.enumerated() where index + 1 < unquoted.count {
      let isMethod =
        HTTPMethod.isRequestLineWord(word.text)
        || (index == 0
          && HTTPMethod.isRequestLineWord(
            Substring(word.text.uppercased())))
      let target = unquoted[index + 1].text.prefix { $0 != "\"" && $0 != "'" }
      guard isMethod, target.hasPrefix("/") || target.hasPrefix("http") else { continue }
      var place = position
      place.column = word.column
      return APIRequest(
        method: HTTPMethod(rawValue: String(word.text)), path: APIRequest.storePath(String(target)),
        position: place)
    }
    throw BcshError(
      "no request in \(ShownWord.quoted(String(line).trimmingBlanks()))", code: .invalidFile,
      hint: "write METHOD PATH, METHOD URL, an access-log request line, or give a HAR file",
      at: position)
  }

  /// `log.entries[].request.method` and `.url` of a HAR document; each request is placed at its URL.
  /// A browser records every request of a page, so entries outside `/stores/{hash}/v2|v3/` are
  /// skipped and counted rather than refused.
  static func harRequests(_ text: String, source: String) throws(BcshError) -> (
    requests: [APIRequest], skipped: Int
  ) {
    guard let entries = (try? JSONReader.value(text.utf8))?["log"]?["entries"]?.elements else {
      throw BcshError(
        "\(ShownWord.quoted(source)) is not a HAR file (no log.entries)", code: .invalidFile,
        hint: "save it from the browser's network panel ('Save all as HAR'), or write one request a line",
        at: SourcePosition(source: source, line: 1, column: 1))
    }
    var requests: [APIRequest] = []
    var skipped = 0
    var searchFrom = text.startIndex
    var cursor = SourceCursor(source: source)
    let bytes = Array(text.utf8)
    for (number, entry) in entries.enumerated() {
      let request = entry["request"]
      guard let method = request?["method"]?.string, let url = request?["url"]?.string else {
        throw BcshError(
          "HAR entry \(number + 1) has no request.method and request.url", code: .invalidFile,
          at: SourcePosition(source: source, line: 1, column: 1))
      }
      guard isStoreAPIURL(url) else {
        skipped += 1
        continue
      }
      var position: SourcePosition?
      for spelling in [url, url.replacing("/", with: "\\/")] {
        if let found = text[searchFrom...].firstRange(of: "\"" + spelling) {
          let offset = text.utf8.distance(from: text.startIndex, to: found.lowerBound) + 1
          position = cursor.advance(to: offset, in: bytes)
          searchFrom = found.upperBound
          break
        }
      }
      requests.append(
        APIRequest(method: HTTPMethod(rawValue: method), path: APIRequest.storePath(url), position: position))
    }
    return (requests, skipped)
  }

  /// Whether a URL's path is `/stores/{hash}/v2/...` or `/stores/{hash}/v3/...`.
  static func isStoreAPIURL(_ url: String) -> Bool {
    let path = url.firstRange(of: "://").map { url[$0.upperBound...].drop { $0 != "/" } } ?? Substring(url)
    let segments = path.prefix { $0 != "?" && $0 != "#" }.split(separator: "/")
    return segments.count >= 3 && segments[0] == "stores" && (segments[2] == "v2" || segments[2] == "v3")
  }
}
